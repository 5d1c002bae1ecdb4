package dev.linkcrawl.crawl.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.aws.SigV4;
import dev.linkcrawl.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * {@link CrawlEvents} on EventBridge: one {@code PutEvents} call per crawl (JSON 1.1 protocol,
 * signed with SigV4 as the service {@code events}) on the bus {@code EVENT_BUS_NAME} names ({@code
 * default} unless the template names another), with short timeouts and no retries. Written over the
 * SDK's signer and URL-connection client rather than the SDK's EventBridge client, whose model of
 * every EventBridge API would add 1.75 MB to the crawl function's jar for this one call.
 */
public final class EventBridgeCrawlEvents implements CrawlEvents {

    /** Connecting to EventBridge gives up after 1 second. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String busName;
    private final SigV4 signer;
    private final SdkHttpClient http;

    /** Calls run here, so that a call can be given up at its timeout whatever the socket does. */
    private final ExecutorService calls =
            Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("events-").factory());

    EventBridgeCrawlEvents(
            URI endpoint,
            String region,
            String busName,
            AwsCredentialsProvider credentials,
            SdkHttpClient http) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.signer = new SigV4(credentials, "events", region);
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Events on the bus and region of {@code settings}, at {@code AWS_ENDPOINT_URL_EVENTBRIDGE}
     * when it is set (the local stack's bus).
     *
     * @param timeout the longest one call may take
     */
    public static EventBridgeCrawlEvents create(Settings settings, Duration timeout) {
        URI endpoint =
                settings.eventsEndpoint()
                        .orElse(
                                URI.create(
                                        "https://events." + settings.region() + ".amazonaws.com"));
        return new EventBridgeCrawlEvents(
                endpoint,
                settings.region(),
                settings.eventBusName(),
                DefaultCredentialsProvider.builder().build(),
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(timeout)
                        .build());
    }

    @Override
    public Publication publish(CrawlEvent event, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return Publication.FAILED;
        }
        Future<Publication> call = calls.submit(() -> put(event));
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return Publication.FAILED;
        } catch (Exception e) {
            // An unreachable bus, a denied call, a timeout: the crawl is written, the event lost.
            call.cancel(true);
            return Publication.FAILED;
        }
    }

    private Publication put(CrawlEvent event) throws IOException {
        byte[] body = JSON.writeValueAsBytes(request(event));
        SdkHttpFullRequest request =
                SdkHttpFullRequest.builder()
                        .uri(endpoint)
                        .encodedPath("/")
                        .method(SdkHttpMethod.POST)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", "AWSEvents.PutEvents")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .build();
        HttpExecuteResponse response =
                http.prepareRequest(signer.sign(request, ContentStreamProvider.fromByteArray(body)))
                        .call();
        if (response.httpResponse().statusCode() != 200) {
            return Publication.FAILED;
        }
        JsonNode answer = JSON.readTree(text(response.responseBody()));
        return answer != null && answer.path("FailedEntryCount").asInt(1) == 0
                ? Publication.PUBLISHED
                : Publication.FAILED;
    }

    private ObjectNode request(CrawlEvent event) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("Entries")
                .addObject()
                .put("EventBusName", busName)
                .put("Source", CrawlEvent.SOURCE)
                .put("DetailType", event.kind().detailType())
                .put("Detail", event.detailJson());
        return request;
    }

    private static String text(Optional<? extends InputStream> body) throws IOException {
        if (body.isEmpty()) {
            return "";
        }
        try (InputStream in = body.get()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }
}
