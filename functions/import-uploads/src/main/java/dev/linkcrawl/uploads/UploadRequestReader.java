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
 * optional), nothing else, as strictly as {@link JsonBody} reads JSON; or, {@link #forPages()}, a
 * {@code POST /links/{id}/page} body: {@code {"size": bytes}} alone. The size is the one the upload
 * is signed for; whether it is within the cap is {@link StartImport}'s or {@link StartPageUpload}'s
 * to say.
 */
public final class UploadRequestReader {

    /** The largest body accepted: 4 KiB, for two fields. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    /** The longest file name kept: 255 characters, as most file systems allow. */
    static final int MAX_FILE_NAME_LENGTH = 255;

    private final JsonBody body;
    private final Set<String> fields;
    private final String shape;

    /** A reader of {@code POST /imports} bodies. */
    public UploadRequestReader() {
        this(
                "{\"size\": 12345, \"fileName\": \"bookmarks.html\"}",
                Set.of("size", "fileName"),
                "{\"size\": the file's size in bytes, \"fileName\": string (optional)}");
    }

    private UploadRequestReader(String example, Set<String> fields, String shape) {
        this.body = new JsonBody(MAX_BODY_BYTES, example);
        this.fields = fields;
        this.shape = shape;
    }

    /** A reader of {@code POST /links/{id}/page} bodies: the page's size, nothing else. */
    public static UploadRequestReader forPages() {
        return new UploadRequestReader(
                "{\"size\": 48213}", Set.of("size"), "{\"size\": the page's size in bytes}");
    }

    /** A request, or the problem to answer with. */
    public sealed interface Result {
        record Read(UploadRequest request) implements Result {}

        record Refused(Problem problem) implements Result {}
    }

    public Result read(Map<String, String> headers, String body, boolean base64) {
        return switch (this.body.read(headers, body, base64)) {
            case JsonBody.Result.Parsed parsed -> readObject(parsed.object());
            case JsonBody.Result.Refused refused -> new Result.Refused(refused.problem());
        };
    }

    private Result readObject(ObjectNode root) {
        List<Problem.FieldError> errors = JsonBody.unknownFields(root, fields);
        JsonNode size = root.get("size");
        if (size == null || size.isNull()) {
            errors.add(new Problem.FieldError("/size", "required"));
        } else if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            errors.add(new Problem.FieldError("/size", "not_a_whole_number"));
        } else if (size.longValue() < 1) {
            errors.add(new Problem.FieldError("/size", "not_positive"));
        }
        // Unknown where the body has no fileName: reported as such, and only as such.
        JsonNode fileName = fields.contains("fileName") ? root.get("fileName") : null;
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
                            "the body must be " + shape + "; see errors for each field at fault",
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
