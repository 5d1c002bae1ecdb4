package dev.linkcrawl.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3 notification the client-page function is invoked with ({@code {"Records": [{"eventSource":
 * "aws:s3", "eventName": "ObjectCreated:Put", "eventTime", "s3": {"bucket": {"name"}, "object":
 * {"key", "size"}}}]}}): one entry per record, an upload to read or a record to leave.
 */
final class ClientPageEvent {

    private ClientPageEvent() {}

    /** One record of the notification. */
    sealed interface Entry {
        /** A record that names no upload to read, and why. */
        record Unreadable(String key, String reason) implements Entry {}

        record Created(ClientPage.Upload upload) implements Entry {}
    }

    /**
     * The records of {@code event}.
     *
     * @throws IllegalArgumentException when it is not an S3 notification (a wiring mistake: failing
     *     makes it visible in the function's error metrics)
     */
    static List<Entry> parse(JsonNode event) {
        JsonNode records = event == null ? null : event.get("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("the event is not an S3 notification");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode record : records) {
            entries.add(entry(record));
        }
        return entries;
    }

    private static Entry entry(JsonNode record) {
        if (!"aws:s3".equals(record.path("eventSource").asText())) {
            throw new IllegalArgumentException("a record is not from S3");
        }
        String bucket = record.path("s3").path("bucket").path("name").asText("");
        String encodedKey = record.path("s3").path("object").path("key").asText("");
        if (bucket.isEmpty() || encodedKey.isEmpty()) {
            throw new IllegalArgumentException("an S3 record has no bucket name or object key");
        }
        if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
            return new Entry.Unreadable(encodedKey, "not_object_created");
        }
        String key;
        Instant sentAt;
        try {
            // Keys are form-encoded in notifications: a space is +, a + is %2B.
            key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
            sentAt = Instant.parse(record.path("eventTime").asText());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new Entry.Unreadable(encodedKey, "unreadable_record");
        }
        return new Entry.Created(
                new ClientPage.Upload(
                        bucket,
                        key,
                        record.path("s3").path("object").path("size").asLong(),
                        sentAt));
    }
}
