package dev.linkcrawl.submit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code POST /links} body strictly: size before parsing, then media type, UTF-8, JSON
 * syntax with duplicate keys and deep nesting refused, then the shape {@code {"url": string,
 * "tags": [string], "note": string}} with no other field. Every refusal is a problem that says what
 * is wrong without echoing the input.
 */
public final class RequestBodyReader {

    /** The largest body accepted, in bytes after base64 decoding: 16 KiB. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** The deepest JSON nesting read; the valid shape needs 2. */
    static final int MAX_NESTING_DEPTH = 16;

    private static final Set<String> FIELDS = Set.of("url", "tags", "note");
    private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ObjectMapper mapper =
            new ObjectMapper(
                            JsonFactory.builder()
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                                    .build())
                                    .build())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        byte[] bytes;
        if (body == null || body.isEmpty()) {
            bytes = new byte[0];
        } else if (base64) {
            // Refuse from the encoded length, so an oversized body is never decoded.
            if (body.length() > (MAX_BODY_BYTES + 2) / 3 * 4 + 4) {
                return tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(body.strip());
            } catch (IllegalArgumentException e) {
                return malformed("the body is marked base64 but is not valid base64", "body");
            }
        } else {
            // UTF-8 is at most 3 bytes per UTF-16 char: a long string is refused before encoding.
            if (body.length() > MAX_BODY_BYTES) {
                return tooLarge();
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (!isJson(header(headers, "content-type"))) {
            return new Result.Refused(
                    Problem.of(
                            ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "send the link as Content-Type: application/json (UTF-8)"));
        }
        if (bytes.length == 0) {
            return malformed("the body is empty; send {\"url\": \"https://…\"}", "empty_body");
        }
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            return malformed("the body is not valid UTF-8", "invalid_utf8");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            // Besides the nesting cap, Jackson's default cap on a number literal (1000 characters)
            // is the only read limit a 16 KiB body can reach.
            if (String.valueOf(e.getMessage()).startsWith("Number value length")) {
                return malformed(
                        "a number in the JSON is longer than 1000 characters", "number_too_long");
            }
            return malformed(
                    "the JSON is nested deeper than " + MAX_NESTING_DEPTH + " levels", "too_deep");
        } catch (JsonProcessingException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                return malformed("the JSON object has the same field twice", "duplicate_field");
            }
            return malformed("the body is not valid JSON", "malformed_json");
        }
        if (root == null || !root.isObject()) {
            return malformed("the body must be a JSON object", "not_an_object");
        }
        return readObject(root);
    }

    private Result readObject(JsonNode root) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                String pointer = SAFE_FIELD_NAME.matcher(name).matches() ? "/" + name : "";
                errors.add(new Problem.FieldError(pointer, "unknown_field"));
            }
        }
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

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")
                && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2
                            || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Result tooLarge() {
        return new Result.Refused(
                Problem.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the body is larger than " + MAX_BODY_BYTES + " bytes"));
    }

    private static Result malformed(String detail, String code) {
        return new Result.Refused(Problem.of(ProblemType.MALFORMED_REQUEST, detail, "", code));
    }
}
