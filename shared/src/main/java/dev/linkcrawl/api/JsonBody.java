package dev.linkcrawl.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body strictly, in the order that costs least: size before parsing (from the
 * encoded length, so an oversized base64 body is never decoded), then media type, UTF-8, and JSON
 * syntax with duplicate keys, deep nesting and trailing tokens refused. What the object must hold
 * is the caller's to check. Every refusal is a problem that says what is wrong without echoing the
 * input.
 *
 * @param maxBytes the largest body accepted, in bytes after base64 decoding
 * @param example a valid body, shown when the body is empty
 */
public record JsonBody(int maxBytes, String example) {

    private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The deepest JSON nesting read. */
    public static final int MAX_NESTING_DEPTH = 16;

    private static final ObjectMapper MAPPER =
            new ObjectMapper(
                            JsonFactory.builder()
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                                    .build())
                                    .build())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonBody {
        Objects.requireNonNull(example, "example");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** A JSON object, or the problem to answer with. */
    public sealed interface Result {
        record Parsed(ObjectNode object) implements Result {}

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
            if (body.length() > (maxBytes + 2) / 3 * 4 + 4) {
                return tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(body.strip());
            } catch (IllegalArgumentException e) {
                return malformed("the body is marked base64 but is not valid base64", "body");
            }
        } else {
            // UTF-8 is at most 3 bytes per UTF-16 char: a long string is refused before encoding.
            if (body.length() > maxBytes) {
                return tooLarge();
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            return tooLarge();
        }
        if (!isJson(header(headers, "content-type"))) {
            return new Result.Refused(
                    Problem.of(
                            ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "send the body as Content-Type: application/json (UTF-8)"));
        }
        if (bytes.length == 0) {
            return malformed("the body is empty; send " + example, "empty_body");
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
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            // Besides the nesting cap, Jackson's default cap on a number literal (1000 characters)
            // is the only read limit a small body can reach.
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
        if (!(root instanceof ObjectNode object)) {
            return malformed("the body must be a JSON object", "not_an_object");
        }
        return new Result.Parsed(object);
    }

    /**
     * An {@code unknown_field} error for each field of {@code object} not in {@code known}; the
     * pointer names the field only when its name is safe to show, so the input is never echoed.
     */
    public static List<Problem.FieldError> unknownFields(ObjectNode object, Set<String> known) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String pointer = SAFE_FIELD_NAME.matcher(name).matches() ? "/" + name : "";
                errors.add(new Problem.FieldError(pointer, "unknown_field"));
            }
        }
        return errors;
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

    private Result tooLarge() {
        return new Result.Refused(
                Problem.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the body is larger than " + maxBytes + " bytes"));
    }

    private static Result malformed(String detail, String code) {
        return new Result.Refused(Problem.of(ProblemType.MALFORMED_REQUEST, detail, "", code));
    }
}
