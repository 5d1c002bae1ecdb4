package dev.linkcrawl.bench;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        return raw -> {
            LinkUrl url = LoopbackLink.of(raw, exempt);
            String body =
                    codec.encode(
                            new CrawlMessage(
                                    LinkId.of(OWNER, url),
                                    url.value(),
                                    OWNER,
                                    Instant.now(),
                                    CrawlSource.API,
                                    List.of(),
                                    null));
            sqs.sendMessage(
                    message ->
                            message.queueUrl(queueUrl)
                                    .messageBody(body)
                                    .messageGroupId(TenantKey.of(OWNER).value()));
        };
    }
}
