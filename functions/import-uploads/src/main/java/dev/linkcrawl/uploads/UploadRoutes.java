package dev.linkcrawl.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of each route of the uploads API to its caller's request: the body read, the use case
 * run, its outcome as a response. Failures of the bucket or the index are thrown, for the handler
 * to answer.
 */
final class UploadRoutes {

    /** Uploads are personal: no shared cache may keep their answers. */
    private static final Map<String, String> PRIVATE = Map.of("Cache-Control", "private, no-store");

    static final Problem NO_SUCH_IMPORT =
            Problem.of(ProblemType.NOT_FOUND, "there is no import with this id among your imports");

    private final StartImport startImport;
    private final ImportStatus importStatus;
    private final StartPageUpload startPageUpload;
    private final UploadRequestReader importReader = new UploadRequestReader();
    private final UploadRequestReader pageReader = UploadRequestReader.forPages();

    UploadRoutes(
            StartImport startImport, ImportStatus importStatus, StartPageUpload startPageUpload) {
        this.startImport = Objects.requireNonNull(startImport, "startImport");
        this.importStatus = Objects.requireNonNull(importStatus, "importStatus");
        this.startPageUpload = Objects.requireNonNull(startPageUpload, "startPageUpload");
    }

    /** {@code POST /imports}. */
    APIGatewayV2HTTPResponse startImport(String owner, APIGatewayV2HTTPEvent event) {
        return switch (importReader.read(
                event.getHeaders(), event.getBody(), event.getIsBase64Encoded())) {
            case UploadRequestReader.Result.Refused refused ->
                    ApiResponses.problem(refused.problem());
            case UploadRequestReader.Result.Read read ->
                    switch (startImport.start(owner, read.request())) {
                        case StartImport.Outcome.Refused refused ->
                                ApiResponses.problem(refused.problem());
                        case StartImport.Outcome.Started started ->
                                created(
                                        started.id().value(),
                                        started.key(),
                                        started.upload(),
                                        started.maxBytes(),
                                        "/imports/" + started.id().value());
                    };
        };
    }

    /** {@code GET /imports/{id}}. */
    APIGatewayV2HTTPResponse importStatus(String owner, String rawId) {
        return switch (importStatus.of(owner, rawId)) {
            case ImportStatus.Outcome.Unknown unknown -> ApiResponses.problem(NO_SUCH_IMPORT);
            case ImportStatus.Outcome.Uploaded uploaded ->
                    ApiResponses.json(200, UploadsJson.uploaded(uploaded), PRIVATE);
            case ImportStatus.Outcome.Result result ->
                    ApiResponses.json(200, UploadsJson.result(result), PRIVATE);
        };
    }

    /** {@code POST /links/{id}/page}. */
    APIGatewayV2HTTPResponse sendPage(String owner, String rawId, APIGatewayV2HTTPEvent event) {
        return switch (pageReader.read(
                event.getHeaders(), event.getBody(), event.getIsBase64Encoded())) {
            case UploadRequestReader.Result.Refused refused ->
                    ApiResponses.problem(refused.problem());
            case UploadRequestReader.Result.Read read ->
                    switch (startPageUpload.start(owner, rawId, read.request())) {
                        case StartPageUpload.Outcome.Refused refused ->
                                ApiResponses.problem(refused.problem());
                        case StartPageUpload.Outcome.Started started ->
                                created(
                                        started.id().value(),
                                        started.key().value(),
                                        started.upload(),
                                        started.maxBytes(),
                                        "/links/" + started.id().value());
                    };
        };
    }

    /** A {@code 201} with the upload to make; {@code Location} is where to see what came of it. */
    private static APIGatewayV2HTTPResponse created(
            String id, String key, PresignedUpload upload, long maxBytes, String status) {
        return ApiResponses.json(
                201,
                UploadsJson.started(id, key, upload, maxBytes, status),
                Map.of("Location", status, "Cache-Control", "private, no-store"));
    }
}
