package dev.linkcrawl.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events the backfill function is invoked with, told apart by their shape: S3 notifications
 * ({@code {"Records": [{"eventSource": "aws:s3", …}]}}) and EventBridge schedules ({@code
 * {"source": "aws.events", "detail-type": "Scheduled Event", …}}).
 */
public sealed interface BackfillEvent {

    /** Objects were written to the import bucket (one S3 record each). */
    record ObjectsCreated(List<ImportKey> objects) implements BackfillEvent {
        public ObjectsCreated {
            objects = List.copyOf(objects);
        }
    }

    /** The re-crawl schedule fired. */
    record Scheduled(Instant time) implements BackfillEvent {
        public Scheduled {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * Reads an event as Lambda delivers it.
     *
     * @throws UnrecognisedEventException when it is neither shape (a wiring mistake: failing makes
     *     it visible in the function's error metrics)
     */
    static BackfillEvent parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnrecognisedEventException("the event is not a JSON object");
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray()) {
            List<ImportKey> objects = new ArrayList<>();
            for (JsonNode record : records) {
                objects.add(s3Object(record));
            }
            return new ObjectsCreated(objects);
        }
        if ("aws.events".equals(event.path("source").asText())
                && "Scheduled Event".equals(event.path("detail-type").asText())) {
            try {
                return new Scheduled(Instant.parse(event.path("time").asText()));
            } catch (DateTimeParseException e) {
                throw new UnrecognisedEventException("the scheduled event has no valid time");
            }
        }
        throw new UnrecognisedEventException(
                "expected S3 records or an EventBridge scheduled event");
    }

    private static ImportKey s3Object(JsonNode record) {
        if (!"aws:s3".equals(record.path("eventSource").asText())) {
            throw new UnrecognisedEventException("a record is not from S3");
        }
        JsonNode bucket = record.path("s3").path("bucket").path("name");
        JsonNode key = record.path("s3").path("object").path("key");
        if (!bucket.isTextual() || !key.isTextual() || key.asText().isEmpty()) {
            throw new UnrecognisedEventException("an S3 record has no bucket name or object key");
        }
        if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
            return new ImportKey.Ignored(key.asText(), ImportKey.IgnoreReason.NOT_OBJECT_CREATED);
        }
        return ImportKey.fromEventKey(bucket.asText(), key.asText());
    }
}
