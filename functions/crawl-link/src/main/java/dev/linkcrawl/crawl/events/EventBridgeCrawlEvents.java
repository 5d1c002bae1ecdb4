package dev.linkcrawl.crawl.events;

import dev.linkcrawl.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link CrawlEvents} on EventBridge: one {@code PutEvents} call per crawl, on the bus {@code
 * EVENT_BUS_NAME} names ({@code default} unless the template names another), through the SDK's
 * URL-connection client with short timeouts and no retries. The client is built on the first event,
 * so a cold start does not pay for it.
 */
public final class EventBridgeCrawlEvents implements CrawlEvents {

    /** Connecting to EventBridge gives up after 1 second. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final Supplier<EventBridgeClient> client;
    private final String busName;
    private volatile EventBridgeClient built;

    EventBridgeCrawlEvents(Supplier<EventBridgeClient> client, String busName) {
        this.client = Objects.requireNonNull(client, "client");
        this.busName = Objects.requireNonNull(busName, "busName");
    }

    /**
     * Events on the bus and region of {@code settings}, at {@code AWS_ENDPOINT_URL_EVENTBRIDGE}
     * when it is set (the local stack's bus).
     *
     * @param timeout the longest one call may take
     */
    public static EventBridgeCrawlEvents create(Settings settings, Duration timeout) {
        return new EventBridgeCrawlEvents(() -> client(settings, timeout), settings.eventBusName());
    }

    private static EventBridgeClient client(Settings settings, Duration timeout) {
        EventBridgeClientBuilder builder =
                EventBridgeClient.builder()
                        .region(Region.of(settings.region()))
                        .httpClient(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(CONNECT_TIMEOUT)
                                        .socketTimeout(timeout)
                                        .build())
                        .overrideConfiguration(
                                config ->
                                        config.apiCallTimeout(timeout)
                                                .retryStrategy(r -> r.maxAttempts(1)));
        settings.eventsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public Publication publish(CrawlEvent event, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return Publication.FAILED;
        }
        try {
            PutEventsResponse response =
                    client().putEvents(
                                    request ->
                                            request.entries(entry(event))
                                                    .overrideConfiguration(
                                                            o -> o.apiCallTimeout(timeout)));
            return response.failedEntryCount() == null || response.failedEntryCount() == 0
                    ? Publication.PUBLISHED
                    : Publication.FAILED;
        } catch (RuntimeException e) {
            // An unreachable bus, a denied call, a timeout: the crawl is written, the event lost.
            return Publication.FAILED;
        }
    }

    private PutEventsRequestEntry entry(CrawlEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(CrawlEvent.SOURCE)
                .detailType(event.kind().detailType())
                .detail(event.detailJson())
                .build();
    }

    private EventBridgeClient client() {
        EventBridgeClient current = built;
        if (current == null) {
            synchronized (this) {
                if (built == null) {
                    built = client.get();
                }
                current = built;
            }
        }
        return current;
    }
}
