package dev.linkcrawl.testing.backend;

import dev.linkcrawl.index.OpenSearchAuth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;

/**
 * An OpenSearch domain on LocalStack, created once per JVM with the engine version of {@code
 * template.yaml} ({@value #ENGINE_VERSION}), unauthenticated on a port of its own. LocalStack
 * downloads that OpenSearch the first time, which can take minutes: creation waits up to {@link
 * #READY_TIMEOUT}. It cannot be stopped for one test.
 */
final class LocalStackOpenSearch implements TestOpenSearch {

    /** The domain's engine, as {@code template.yaml} deploys it. */
    static final String ENGINE_VERSION = "OpenSearch_2.19";

    /** The longest the domain may take to be ready: 10 minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private static final String DOMAIN = "linkcrawl-test";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final URI endpoint;

    private LocalStackOpenSearch(URI endpoint) {
        this.endpoint = endpoint;
    }

    static LocalStackOpenSearch create(LocalStack localStack) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        DomainStatus status;
        try (OpenSearchClient client =
                OpenSearchClient.builder()
                        .endpointOverride(localStack.endpoint())
                        .region(Region.of(localStack.region()))
                        .credentialsProvider(localStack.credentials())
                        .httpClient(LocalStack.httpClient())
                        .build()) {
            status =
                    client.createDomain(
                                    create ->
                                            create.domainName(DOMAIN).engineVersion(ENGINE_VERSION))
                            .domainStatus();
            while (Boolean.TRUE.equals(status.processing()) || status.endpoint() == null) {
                pause(deadline, "domain " + DOMAIN + " still processing");
                status = client.describeDomain(get -> get.domainName(DOMAIN)).domainStatus();
            }
        }
        URI endpoint = localStack.serviceEndpoint(port(status.endpoint()));
        awaitHealth(endpoint, deadline);
        System.err.printf(
                "LocalStack: OpenSearch domain %s (%s) ready at %s%n",
                DOMAIN, ENGINE_VERSION, endpoint);
        return new LocalStackOpenSearch(endpoint);
    }

    /**
     * The port of a domain endpoint as LocalStack reports it with the port strategy, {@code
     * localhost:4510} (a scheme or a trailing slash tolerated).
     */
    static int port(String domainEndpoint) {
        String address = domainEndpoint.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalStateException(
                    "expected a domain endpoint with a port (OPENSEARCH_ENDPOINT_STRATEGY=port),"
                            + " got "
                            + domainEndpoint);
        }
        return Integer.parseInt(address.substring(colon + 1));
    }

    /** Waits until the cluster answers its health check, which the domain status does not say. */
    private static void awaitHealth(URI endpoint, Instant deadline) {
        HttpRequest health =
                HttpRequest.newBuilder(endpoint.resolve("/_cluster/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                pause(deadline, "OpenSearch at " + endpoint + " not answering");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }

    private static void pause(Instant deadline, String state) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(state + " after " + READY_TIMEOUT.toMinutes() + " min");
        }
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public OpenSearchAuth auth() {
        return OpenSearchAuth.NONE;
    }

    @Override
    public boolean canStop() {
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException(
                "LocalStack's OpenSearch serves every test of this JVM: it cannot be stopped for"
                        + " one");
    }

    @Override
    public URI start() {
        return endpoint;
    }

    @Override
    public boolean isRunning() {
        return true;
    }
}
