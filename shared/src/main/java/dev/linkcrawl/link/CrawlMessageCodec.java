package dev.linkcrawl.link;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@link CrawlMessage} as the JSON body of an SQS message: {@code {"v":1, "id",
 * "url", "owner", "submittedAt", "source", "tags", "note"}}. Reading is strict, since a message
 * that half-parses would be crawled wrong.
 */
public final class CrawlMessageCodec {

    private static final Set<String> FIELDS =
            Set.of("v", "id", "url", "owner", "submittedAt", "source", "tags", "note");

    private final ObjectMapper mapper =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The message as one line of JSON. */
    public String encode(CrawlMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("v", CrawlMessage.VERSION);
        node.put("id", message.id().value());
        node.put("url", message.url());
        node.put("owner", message.owner());
        node.put("submittedAt", message.submittedAt().toString());
        node.put("source", message.source().wireName());
        ArrayNode tags = node.putArray("tags");
        message.tags().forEach(tags::add);
        if (message.note() != null) {
            node.put("note", message.note());
        }
        return node.toString();
    }

    /**
     * Reads a message body.
     *
     * @throws MalformedMessageException saying what is wrong, when the body is not a version 1
     *     crawl message
     */
    public CrawlMessage decode(String body) throws MalformedMessageException {
        if (body == null || body.isBlank()) {
            throw new MalformedMessageException("the message body is empty");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("the message body is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException("the message body is not a JSON object");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedMessageException("unknown field in crawl message");
            }
        }
        JsonNode version = node.get("v");
        if (version == null || !version.isInt() || version.intValue() != CrawlMessage.VERSION) {
            throw new MalformedMessageException(
                    "unsupported message version (this code reads v=" + CrawlMessage.VERSION + ")");
        }
        String id = text(node, "id");
        if (!LinkId.isWellFormed(id)) {
            throw new MalformedMessageException("id is not 32 lowercase hex characters");
        }
        String url = text(node, "url");
        String owner = text(node, "owner");
        // The id names the document the crawl writes: one that is not this owner's and URL's
        // could write into another owner's link.
        if (!LinkId.ofNormalised(owner, url).value().equals(id)) {
            throw new MalformedMessageException(
                    "id is not the id of this owner and url (SHA-256 of owner and normalised url)");
        }
        Instant submittedAt;
        try {
            submittedAt = Instant.parse(text(node, "submittedAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("submittedAt is not an ISO-8601 instant", e);
        }
        CrawlSource source;
        try {
            source = CrawlSource.fromWireName(text(node, "source"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = node.get("tags");
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isArray()) {
                throw new MalformedMessageException("tags is not an array");
            }
            for (JsonNode tag : tagsNode) {
                if (!tag.isTextual()) {
                    throw new MalformedMessageException("tags holds a value that is not a string");
                }
                tags.add(tag.textValue());
            }
        }
        JsonNode note = node.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw new MalformedMessageException("note is not a string");
        }
        return new CrawlMessage(
                new LinkId(id),
                url,
                owner,
                submittedAt,
                source,
                tags,
                note == null || note.isNull() ? null : note.textValue());
    }

    private static String text(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new MalformedMessageException(field + " is missing or not a string");
        }
        return value.textValue();
    }
}
