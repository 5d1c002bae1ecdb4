package dev.linkcrawl.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.OpenSearchSavedLinks;
import dev.linkcrawl.index.SavedLinks;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /imports} ({@link StartImport}), {@code GET /imports/{id}} ({@link ImportStatus}) and
 * {@code POST /links/{id}/page} ({@link StartPageUpload}) (API Gateway HTTP API, payload 2.0), each
 * for the caller named by the JWT {@code sub} claim: the function that holds the import bucket's
 * signer hands out both kinds of upload. This class only finds the caller and the route ({@link
 * UploadRoutes} answers it) and answers an unavailable bucket or index.
 */
public final class ImportUploadsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long asking the index whose a link is may take: 2 seconds, connect and read each. */
    static final Duration INDEX_TIMEOUT = Duration.ofSeconds(2);

    private final UploadRoutes routes;

    /** Used by Lambda: settings from the environment, clients built once per cold start. */
    public ImportUploadsHandler() {
        this(Settings.fromEnvironment());
    }

    /** Used by the local runner, which passes each function its template environment. */
    public ImportUploadsHandler(Settings settings) {
        this(
                S3ImportObjects.create(settings),
                OpenSearchSavedLinks.create(settings, INDEX_TIMEOUT),
                settings.importMaxBytes(),
                settings.maxBodyBytes());
    }

    /**
     * @param importMaxBytes the largest import ({@code IMPORT_MAX_BYTES})
     * @param pageMaxBytes the largest page, the crawl's fetch cap ({@code MAX_BODY_BYTES})
     */
    ImportUploadsHandler(
            ImportObjects objects, SavedLinks links, long importMaxBytes, long pageMaxBytes) {
        this.routes =
                new UploadRoutes(
                        new StartImport(objects, importMaxBytes),
                        new ImportStatus(objects),
                        new StartPageUpload(objects, links, pageMaxBytes));
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
                case "POST /imports" -> routes.startImport(owner.get(), event);
                case "GET /imports/{id}" -> routes.importStatus(owner.get(), route.id());
                case "POST /links/{id}/page" -> routes.sendPage(owner.get(), route.id(), event);
                default -> ApiResponses.problem(UploadRoutes.NO_SUCH_IMPORT);
            };
        } catch (LinkIndexException e) {
            return unavailable(context, ProblemType.INDEX_UNAVAILABLE, "the links index", e);
        } catch (StorageUnavailableException e) {
            return unavailable(context, ProblemType.STORAGE_UNAVAILABLE, "the import bucket", e);
        }
    }

    private static APIGatewayV2HTTPResponse unavailable(
            Context context, ProblemType type, String what, RuntimeException e) {
        FunctionLog.log(
                context, what + " unavailable: " + e.getMessage() + " (" + e.getCause() + ")");
        return ApiResponses.problem(
                Problem.of(type, what + " cannot answer right now; try again later"),
                ApiResponses.RETRY_UNAVAILABLE);
    }
}
