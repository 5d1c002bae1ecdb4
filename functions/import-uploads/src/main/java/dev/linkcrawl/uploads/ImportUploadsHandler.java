package dev.linkcrawl.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.config.Settings;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /imports} ({@link StartImport}) and {@code GET /imports/{id}} ({@link ImportStatus})
 * (API Gateway HTTP API, payload 2.0), each for the caller named by the JWT {@code sub} claim. This
 * class only translates between events and the two use cases.
 */
public final class ImportUploadsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Imports are personal: no shared cache may keep their answers. */
    private static final Map<String, String> PRIVATE = Map.of("Cache-Control", "private, no-store");

    private static final Problem NOT_FOUND =
            Problem.of(ProblemType.NOT_FOUND, "there is no import with this id among your imports");

    private final StartImport startImport;
    private final ImportStatus importStatus;
    private final UploadRequestReader reader = new UploadRequestReader();

    /** Used by Lambda: settings from the environment, clients built once per cold start. */
    public ImportUploadsHandler() {
        this(Settings.fromEnvironment());
    }

    /** Used by the local runner, which passes each function its template environment. */
    public ImportUploadsHandler(Settings settings) {
        this(S3ImportObjects.create(settings), settings.importMaxBytes());
    }

    ImportUploadsHandler(ImportObjects objects, long maxBytes) {
        this.startImport = new StartImport(objects, maxBytes);
        this.importStatus = new ImportStatus(Objects.requireNonNull(objects, "objects"));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Optional<String> owner = Caller.of(event);
        if (owner.isEmpty()) {
            return ApiResponses.unauthenticated();
        }
        try {
            ImportRoute route = ImportRoute.of(event);
            return switch (route.key()) {
                case "POST /imports" -> start(owner.get(), event);
                case "GET /imports/{id}" -> status(owner.get(), route.id());
                default -> ApiResponses.problem(NOT_FOUND);
            };
        } catch (StorageUnavailableException e) {
            FunctionLog.log(
                    context,
                    "import bucket unavailable: " + e.getMessage() + " (" + e.getCause() + ")");
            return ApiResponses.problem(
                    Problem.of(
                            ProblemType.STORAGE_UNAVAILABLE,
                            "the import bucket cannot answer right now; try again later"),
                    ApiResponses.RETRY_UNAVAILABLE);
        }
    }

    private APIGatewayV2HTTPResponse start(String owner, APIGatewayV2HTTPEvent event) {
        UploadRequest request;
        switch (reader.read(event.getHeaders(), event.getBody(), event.getIsBase64Encoded())) {
            case UploadRequestReader.Result.Refused refused -> {
                return ApiResponses.problem(refused.problem());
            }
            case UploadRequestReader.Result.Read read -> request = read.request();
        }
        return switch (startImport.start(owner, request)) {
            case StartImport.Outcome.Refused refused -> ApiResponses.problem(refused.problem());
            case StartImport.Outcome.Started started -> {
                ObjectNode body = JSON.createObjectNode();
                body.put("id", started.id().value());
                body.put("key", started.key());
                ObjectNode upload = body.putObject("upload");
                upload.put("method", "PUT");
                upload.put("url", started.upload().url().toString());
                ObjectNode headers = upload.putObject("headers");
                started.upload().headers().forEach(headers::put);
                upload.put("expiresAt", started.upload().expiresAt().toString());
                body.put("maxBytes", started.maxBytes());
                String location = "/imports/" + started.id().value();
                body.put("status", location);
                yield ApiResponses.json(
                        201,
                        body.toString(),
                        Map.of("Location", location, "Cache-Control", "private, no-store"));
            }
        };
    }

    private APIGatewayV2HTTPResponse status(String owner, String rawId) {
        return switch (importStatus.of(owner, rawId)) {
            case ImportStatus.Outcome.Unknown unknown -> ApiResponses.problem(NOT_FOUND);
            case ImportStatus.Outcome.Uploaded uploaded -> {
                ObjectNode body = JSON.createObjectNode();
                body.put("id", uploaded.id().value());
                body.put("key", uploaded.key());
                body.put("state", "uploaded");
                body.put("complete", false);
                yield ApiResponses.json(200, body.toString(), PRIVATE);
            }
            case ImportStatus.Outcome.Result result -> {
                ObjectNode body = JSON.createObjectNode();
                body.put("id", result.id().value());
                JsonNode written = readResult(result.json());
                // The result written at the start has no finishedAt; the final one always does.
                body.put("state", written.hasNonNull("finishedAt") ? "finished" : "importing");
                if (written instanceof ObjectNode fields) {
                    body.setAll(fields);
                }
                yield ApiResponses.json(200, body.toString(), PRIVATE);
            }
        };
    }

    private static JsonNode readResult(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new StorageUnavailableException("the import's result is not JSON", e);
        }
    }
}
