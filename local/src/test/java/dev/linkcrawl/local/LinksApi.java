package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code POST /links} of a running stack, as a client sees it. */
public final class LinksApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final UrlPolicy policy;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();

    /**
     * @param site the page server the stack exempts, to derive ids the way the API does
     */
    public LinksApi(URI base, String site) {
        this.base = base;
        this.policy = new UrlPolicy(UrlPolicy.DEFAULT_PORTS, Set.of(HostPort.parse(site)));
    }

    /**
     * One answer; {@code status} 0 when none came (connection refused or reset: the link may or may
     * not be queued).
     */
    public record Answer(
            String owner, String url, int status, String id, Optional<String> retryAfter) {
        public boolean accepted() {
            return status == 202;
        }
    }

    public Answer post(String owner, String url) throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("/links"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + owner)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                        .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            String id =
                    response.statusCode() == 202
                            ? JSON.readTree(response.body()).path("id").asText()
                            : null;
            return new Answer(
                    owner,
                    url,
                    response.statusCode(),
                    id,
                    response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return new Answer(owner, url, 0, null, Optional.empty());
        }
    }

    /** Posts every URL, {@code parallel} at a time; answers in the order of {@code urls}. */
    public List<Answer> postAll(String owner, List<String> urls, int parallel)
            throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Answer>> pending = new ArrayList<>();
            for (String url : urls) {
                pending.add(pool.submit(() -> post(owner, url)));
            }
            for (Future<Answer> answer : pending) {
                try {
                    answers.add(answer.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return answers;
    }

    /** The id the API gives {@code owner}'s {@code url}: what a 202 would have said. */
    public String idOf(String owner, String url) {
        return switch (LinkUrl.check(url, policy)) {
            case UrlCheck.Accepted accepted -> LinkId.of(owner, accepted.url()).value();
            case UrlCheck.Rejected rejected ->
                    throw new IllegalArgumentException(url + " is refused: " + rejected.detail());
        };
    }
}
