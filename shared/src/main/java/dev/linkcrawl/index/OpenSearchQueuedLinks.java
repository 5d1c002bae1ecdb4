package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Queued links written with one plain REST call ({@link OpenSearchRest}), for the submit function,
 * whose jar carries no OpenSearch client. The first call of a cold start checks that the links
 * index exists and creates it with its mapping if not (an update to a missing index would create
 * one with a guessed mapping). A queued document holds only fields every version of the mapping
 * has, so it needs no mapping update.
 */
public final class OpenSearchQueuedLinks implements QueuedLinks, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How long creating the links index may take: 3 seconds, once per deployment, when the API
     * writes before any crawl.
     */
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(3);

    private final SdkHttpClient http;
    private final SdkHttpClient slowHttp;
    private final OpenSearchRest rest;
    private final String index;
    private final LinkDocumentCodec codec = new LinkDocumentCodec();
    private volatile boolean indexSeen;

    private OpenSearchQueuedLinks(
            SdkHttpClient http, SdkHttpClient slowHttp, OpenSearchRest rest, String index) {
        this.http = http;
        this.slowHttp = slowHttp;
        this.rest = rest;
        this.index = index;
    }

    /**
     * Queued links in the index {@code settings} name, giving up on a request after {@code timeout}
     * (connect and read each).
     */
    public static OpenSearchQueuedLinks create(Settings settings, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new OpenSearchQueuedLinks(
                OpenSearchRest.client(timeout, timeout),
                OpenSearchRest.client(timeout, CREATE_TIMEOUT),
                OpenSearchRest.of(settings),
                IndexLocation.requireIndexName(settings.indexName()));
    }

    @Override
    public boolean putQueued(LinkId id, LinkDocument queued) {
        Objects.requireNonNull(id, "id");
        QueuedLinks.requireQueued(queued);
        if (!indexSeen) {
            ensureIndex();
        }
        ObjectNode doc = codec.toTree(queued);
        doc.put("id", id.value());
        ObjectNode body = JSON.createObjectNode();
        body.put("scripted_upsert", true);
        body.putObject("upsert");
        ObjectNode script = body.putObject("script");
        script.put("lang", "painless").put("source", LinkDocumentStore.PUT_QUEUED);
        ObjectNode params = script.putObject("params");
        params.set("doc", doc);
        params.put("submittedAt", queued.submittedAt().toEpochMilli());
        OpenSearchRest.Response response =
                send(SdkHttpMethod.POST, "/" + index + "/_update/" + id.value(), body.toString());
        check(response, "put queued " + id);
        return !result(response).equals("noop");
    }

    private void ensureIndex() {
        OpenSearchRest.Response head = send(SdkHttpMethod.HEAD, "/" + index, null);
        if (head.status() == 404) {
            OpenSearchRest.Response created =
                    send(slowHttp, SdkHttpMethod.PUT, "/" + index, LinkIndexMapping.json());
            boolean raced =
                    created.status() == 400
                            && created.body().contains("resource_already_exists_exception");
            if (!raced) {
                check(created, "create index " + index);
            }
        } else {
            check(head, "check index " + index);
        }
        indexSeen = true;
    }

    private OpenSearchRest.Response send(SdkHttpMethod method, String path, String body) {
        return send(http, method, path, body);
    }

    private OpenSearchRest.Response send(
            SdkHttpClient client, SdkHttpMethod method, String path, String body) {
        return rest.call(client, method, path, body);
    }

    private static void check(OpenSearchRest.Response response, String action) {
        int status = response.status();
        if (status == 200 || status == 201) {
            return;
        }
        throw new LinkIndexException(
                LinkIndexException.Reason.ofStatus(status),
                status,
                action + " failed: " + status,
                null);
    }

    private static String result(OpenSearchRest.Response response) {
        try {
            JsonNode answer = JSON.readTree(response.body());
            return answer.path("result").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        http.close();
        slowHttp.close();
    }
}
