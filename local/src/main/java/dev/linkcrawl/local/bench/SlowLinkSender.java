package dev.linkcrawl.local.bench;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Where {@link TarpitFeeder} puts each slow link, without waiting for what becomes of it. */
@FunctionalInterface
interface SlowLinkSender {

    /** The owner of every slow link, apart from the measured ones. */
    String OWNER = "bench-tarpit";

    void send(String url);

    /** {@code POST /links} on {@code api}, the way a user saves a link. */
    static SlowLinkSender viaApi(HttpClient client, URI api) {
        return url -> {
            HttpRequest request =
                    HttpRequest.newBuilder(api)
                            .timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer " + OWNER)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                            .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        };
    }

    /**
     * The crawl message {@code POST /links} would queue, sent straight onto the crawl queue: the
     * crawl function sees the same link, the API carries none of them.
     *
     * @param exempt the tarpit's {@code host:port}, which the URL rules must let through
     */
    static SlowLinkSender viaQueue(SqsClient sqs, String queueUrl, HostPort exempt) {
        CrawlMessageCodec codec = new CrawlMessageCodec();
        UrlPolicy policy =
                new UrlPolicy(union(UrlPolicy.DEFAULT_PORTS, exempt.port()), Set.of(exempt));
        return url -> {
            if (!(LinkUrl.check(url, policy) instanceof UrlCheck.Accepted accepted)) {
                throw new IllegalArgumentException("the URL rules refuse the tarpit link " + url);
            }
            String body =
                    codec.encode(
                            new CrawlMessage(
                                    LinkId.of(OWNER, accepted.url()),
                                    accepted.url().value(),
                                    OWNER,
                                    Instant.now(),
                                    CrawlSource.API,
                                    List.of(),
                                    null));
            sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(body));
        };
    }

    private static Set<Integer> union(Set<Integer> ports, int port) {
        return Stream.concat(ports.stream(), Stream.of(port))
                .collect(Collectors.toUnmodifiableSet());
    }
}
