package dev.linkcrawl.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.JsonBody;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code POST /links} body strictly: the JSON as {@link JsonBody} reads it, then the shape
 * {@code {"url": string, "tags": [string], "note": string}} with no other field. Every refusal is a
 * problem that says what is wrong without echoing the input.
 */
public final class RequestBodyReader {

    /** The largest body accepted, in bytes after base64 decoding: 16 KiB. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Set<String> FIELDS = Set.of("url", "tags", "note");

    private static final JsonBody BODY = new JsonBody(MAX_BODY_BYTES, "{\"url\": \"https://…\"}");

    /** The outcome of reading a body: a request, or the problem to answer with. */
    public sealed interface Result {
        record Read(SubmitRequest request) implements Result {}

        record Refused(Problem problem) implements Result {}
    }

    /**
     * Reads the body of an API Gateway event.
     *
     * @param headers the request headers (HTTP API lowercases their names)
     * @param body the body as API Gateway passes it, possibly base64
     * @param base64 whether API Gateway base64-encoded the body
     */
    public Result read(Map<String, String> headers, String body, boolean base64) {
        return switch (BODY.read(headers, body, base64)) {
            case JsonBody.Result.Parsed parsed -> readObject(parsed.object());
            case JsonBody.Result.Refused refused -> new Result.Refused(refused.problem());
        };
    }

    private Result readObject(ObjectNode root) {
        List<Problem.FieldError> errors = JsonBody.unknownFields(root, FIELDS);
        JsonNode url = root.get("url");
        if (url == null || url.isNull()) {
            errors.add(new Problem.FieldError("/url", "required"));
        } else if (!url.isTextual()) {
            errors.add(new Problem.FieldError("/url", "not_a_string"));
        }
        List<String> tags = readTags(root.get("tags"), errors);
        JsonNode note = root.get("note");
        if (note != null && !note.isNull()) {
            if (!note.isTextual()) {
                errors.add(new Problem.FieldError("/note", "not_a_string"));
            } else if (note.textValue().length() > SubmitRequest.MAX_NOTE_LENGTH) {
                errors.add(new Problem.FieldError("/note", "too_long"));
            } else if (note.textValue().codePoints().anyMatch(RequestBodyReader::isNotText)) {
                errors.add(new Problem.FieldError("/note", "invalid_character"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result.Refused(
                    new Problem(
                            ProblemType.MALFORMED_REQUEST,
                            "the body must be {\"url\": string, \"tags\": [string] (optional),"
                                    + " \"note\": string (optional)}; see errors for each field"
                                    + " at fault",
                            errors));
        }
        return new Result.Read(
                new SubmitRequest(
                        url.textValue(),
                        tags,
                        note == null || note.isNull() ? null : note.textValue()));
    }

    private static List<String> readTags(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError("/tags", "not_an_array"));
            return List.of();
        }
        if (node.size() > SubmitRequest.MAX_TAGS) {
            errors.add(new Problem.FieldError("/tags", "too_many"));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            String pointer = "/tags/" + i;
            if (!tag.isTextual()) {
                errors.add(new Problem.FieldError(pointer, "not_a_string"));
                continue;
            }
            String value = tag.textValue().strip();
            if (value.isEmpty() || value.length() > SubmitRequest.MAX_TAG_LENGTH) {
                errors.add(new Problem.FieldError(pointer, "invalid_length"));
            } else if (value.codePoints().anyMatch(c -> isInvisible(c) || isNotText(c))) {
                errors.add(new Problem.FieldError(pointer, "invalid_character"));
            } else {
                tags.add(value);
            }
        }
        return List.copyOf(tags);
    }

    /**
     * An unpaired surrogate (JSON can spell one as <code>&#92;ud800</code>) or a noncharacter: not
     * text in any encoding. SQS refuses both in a message body, so letting one through would turn a
     * bad request into a 503 from the queue.
     */
    private static boolean isNotText(int codePoint) {
        return Character.getType(codePoint) == Character.SURROGATE
                || (codePoint >= 0xfdd0 && codePoint <= 0xfdef)
                || (codePoint & 0xfffe) == 0xfffe;
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
