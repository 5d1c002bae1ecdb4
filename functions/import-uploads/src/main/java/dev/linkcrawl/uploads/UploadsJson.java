package dev.linkcrawl.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The JSON bodies the uploads API answers with, other than problems. */
final class UploadsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UploadsJson() {}

    /**
     * The {@code 201} of both upload routes, one shape: {@code {"id", "key", "upload": {"method":
     * "PUT", "url", "headers", "expiresAt"}, "maxBytes", "status"}}, where {@code status} is where
     * to see what came of the upload.
     */
    static String started(
            String id, String key, PresignedUpload upload, long maxBytes, String status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("key", key);
        ObjectNode signed = body.putObject("upload");
        signed.put("method", "PUT");
        signed.put("url", upload.url().toString());
        ObjectNode headers = signed.putObject("headers");
        upload.headers().forEach(headers::put);
        signed.put("expiresAt", upload.expiresAt().toString());
        body.put("maxBytes", maxBytes);
        body.put("status", status);
        return body.toString();
    }

    /** An import uploaded and not begun: {@code {"id", "key", "state": "uploaded", ...}}. */
    static String uploaded(ImportStatus.Outcome.Uploaded uploaded) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", uploaded.id().value());
        body.put("key", uploaded.key());
        body.put("state", "uploaded");
        body.put("complete", false);
        return body.toString();
    }

    /**
     * An import's result as far as it has come, with its {@code state}.
     *
     * @throws StorageUnavailableException when the stored result is not JSON
     */
    static String result(ImportStatus.Outcome.Result result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", result.id().value());
        JsonNode written;
        try {
            written = JSON.readTree(result.json());
        } catch (IOException e) {
            throw new StorageUnavailableException("the import's result is not JSON", e);
        }
        // The result written at the start has no finishedAt; the final one always does.
        body.put("state", written.hasNonNull("finishedAt") ? "finished" : "importing");
        if (written instanceof ObjectNode fields) {
            body.setAll(fields);
        }
        return body.toString();
    }
}
