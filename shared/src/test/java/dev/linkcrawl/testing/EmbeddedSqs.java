package dev.linkcrawl.testing;

import dev.linkcrawl.testing.backend.TestSqs;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-compatible server (ElasticMQ) in this JVM on 127.0.0.1 and a free port. Its threads
 * are not daemons: close it, or the test JVM never exits.
 */
public final class EmbeddedSqs implements TestSqs {

    /** The region the embedded server and its clients claim. */
    public static final String REGION = "us-east-1";

    /** The longest {@link #stop} waits for the server to shut down: 15 seconds. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;
    private boolean running = true;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client =
                SqsClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.of(REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .httpClient(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(2))
                                        .build())
                        .build();
    }

    /** Starts a server on a free loopback port (about two seconds). */
    public static EmbeddedSqs start() {
        // The functions build their clients with the SDK's default credentials chain, which reads
        // these properties first; ElasticMQ accepts any credentials.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        SQSRestServer server =
                SQSRestServerBuilder.withInterface("127.0.0.1")
                        .withDynamicPort()
                        .withAWSRegion(REGION)
                        .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, port);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return REGION;
    }

    /** A client for test assertions (receive, attributes). */
    @Override
    public SqsClient client() {
        return client;
    }

    /**
     * Creates a standard queue named {@code name} (this server is the test's own) and returns its
     * URL.
     */
    @Override
    public String createQueue(String name, Map<String, String> attributes) {
        return client.createQueue(
                        create -> {
                            create.queueName(name);
                            if (!attributes.isEmpty()) {
                                create.attributesWithStrings(attributes);
                            }
                        })
                .queueUrl();
    }

    @Override
    public boolean canStop() {
        return true;
    }

    /**
     * Stops the server; clients then see connection errors, as in an SQS outage. ElasticMQ waits
     * for requests in flight (a long poll holds one for up to 20 s) and, on a loaded machine, was
     * seen to wait past its own one-minute limit; the wait here is bounded at {@link
     * #STOP_TIMEOUT}, after which the server is left to finish in the background (the test JVM
     * exits regardless).
     */
    @Override
    public void stop() {
        if (running) {
            running = false;
            Thread stopper =
                    Thread.ofPlatform().daemon().name("elasticmq-stop").start(server::stopAndWait);
            try {
                stopper.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        client.close();
        stop();
    }
}
