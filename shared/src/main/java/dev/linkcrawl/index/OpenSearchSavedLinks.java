package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * {@link SavedLinks} with one plain REST read of the link's owner and status ({@link
 * OpenSearchRest}), for a function whose jar carries no OpenSearch client. A missing index holds no
 * links.
 */
public final class OpenSearchSavedLinks implements SavedLinks, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final OpenSearchRest rest;
    private final String index;

    OpenSearchSavedLinks(SdkHttpClient http, OpenSearchRest rest, String index) {
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.index = IndexLocation.requireIndexName(index);
    }

    /**
     * The links in the index {@code settings} name, giving up on a request after {@code timeout}
     * (connect and read each).
     */
    public static OpenSearchSavedLinks create(Settings settings, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new OpenSearchSavedLinks(
                OpenSearchRest.client(timeout, timeout),
                OpenSearchRest.of(settings),
                settings.indexName());
    }

    @Override
    public boolean isSaved(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        OpenSearchRest.Response response =
                rest.call(
                        http,
                        SdkHttpMethod.GET,
                        "/" + index + "/_doc/" + id.value() + "?_source_includes=owner,status",
                        null);
        if (response.status() == 404) {
            return false;
        }
        if (response.status() != 200) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.ofStatus(response.status()),
                    response.status(),
                    "read link " + id + " failed: " + response.status(),
                    null);
        }
        JsonNode source = source(response.body());
        return owner.equals(source.path("owner").asText(null))
                && Tombstones.deletedAt(source).isEmpty();
    }

    private static JsonNode source(String body) {
        try {
            return JSON.readTree(body).path("_source");
        } catch (IOException e) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.SERVER_ERROR, 200, "the index answered no JSON", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
