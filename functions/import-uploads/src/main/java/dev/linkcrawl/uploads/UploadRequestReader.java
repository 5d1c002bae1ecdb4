package dev.linkcrawl.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.JsonBody;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code POST /imports} body: {@code {"size": bytes, "fileName": string}} ({@code fileName}
 * optional), nothing else, as strictly as {@link JsonBody} reads JSON. The size is the one the
 * upload is signed for; whether it is within the import cap is {@link StartImport}'s to say.
 */
public final class UploadRequestReader {

    /** The largest body accepted: 4 KiB, for two fields. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    /** The longest file name kept: 255 characters, as most file systems allow. */
    static final int MAX_FILE_NAME_LENGTH = 255;

    private static final JsonBody BODY =
            new JsonBody(MAX_BODY_BYTES, "{\"size\": 12345, \"fileName\": \"bookmarks.html\"}");

    private static final Set<String> FIELDS = Set.of("size", "fileName");

    /** A request, or the problem to answer with. */
    public sealed interface Result {
        record Read(UploadRequest request) implements Result {}

        record Refused(Problem problem) implements Result {}
    }

    public Result read(Map<String, String> headers, String body, boolean base64) {
        return switch (BODY.read(headers, body, base64)) {
            case JsonBody.Result.Parsed parsed -> readObject(parsed.object());
            case JsonBody.Result.Refused refused -> new Result.Refused(refused.problem());
        };
    }

    private static Result readObject(ObjectNode root) {
        List<Problem.FieldError> errors = JsonBody.unknownFields(root, FIELDS);
        JsonNode size = root.get("size");
        if (size == null || size.isNull()) {
            errors.add(new Problem.FieldError("/size", "required"));
        } else if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            errors.add(new Problem.FieldError("/size", "not_a_whole_number"));
        } else if (size.longValue() < 1) {
            errors.add(new Problem.FieldError("/size", "not_positive"));
        }
        JsonNode fileName = root.get("fileName");
        if (fileName != null && !fileName.isNull()) {
            if (!fileName.isTextual()) {
                errors.add(new Problem.FieldError("/fileName", "not_a_string"));
            } else if (fileName.textValue().length() > MAX_FILE_NAME_LENGTH) {
                errors.add(new Problem.FieldError("/fileName", "too_long"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result.Refused(
                    new Problem(
                            ProblemType.MALFORMED_REQUEST,
                            "the body must be {\"size\": the file's size in bytes, \"fileName\":"
                                    + " string (optional)}; see errors for each field at fault",
                            errors));
        }
        return new Result.Read(
                new UploadRequest(
                        size.longValue(),
                        fileName == null || fileName.isNull()
                                ? Optional.empty()
                                : Optional.of(fileName.textValue())));
    }
}
