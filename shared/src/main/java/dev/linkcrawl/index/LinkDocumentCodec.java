package dev.linkcrawl.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes {@link LinkDocument} as the JSON stored in the index: field names as the record
 * components, instants as ISO-8601 strings ({@code 2026-11-27T10:15:30.123Z}), {@code status} in
 * lowercase, {@code null} values and empty lists left out.
 *
 * <p>Reading ignores fields it does not know, so a reader deployed before a writer that adds a
 * field keeps working. Thread-safe.
 */
public final class LinkDocumentCodec {

    private final ObjectMapper mapper;

    public LinkDocumentCodec() {
        mapper =
                new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        mapper.configOverride(List.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
    }

    /** The document as JSON text. */
    public String toJson(LinkDocument document) {
        Objects.requireNonNull(document, "document");
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a LinkDocument always serialises", e);
        }
    }

    /**
     * The document in {@code json}.
     *
     * @throws IllegalArgumentException if {@code json} is not a valid document
     */
    public LinkDocument fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return mapper.readValue(json, LinkDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a valid link document: " + e.getOriginalMessage(), e);
        }
    }

    ObjectNode toTree(LinkDocument document) {
        return mapper.valueToTree(document);
    }

    JsonNode toTree(LinkDocument.Failure failure) {
        return mapper.valueToTree(failure);
    }

    LinkDocument fromTree(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, LinkDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid link document: " + e.getMessage(), e);
        }
    }

    /** A part of a stored document, read with the same rules as a whole one. */
    <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A copy of the mapper, for a JSON library that wants one (its settings stay ours). */
    ObjectMapper mapperCopy() {
        return mapper.copy();
    }
}
