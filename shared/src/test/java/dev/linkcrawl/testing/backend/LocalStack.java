package dev.linkcrawl.testing.backend;

import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The JVM's one LocalStack container, with only SQS, S3 and OpenSearch, started on first use and
 * stopped when the JVM exits (Testcontainers' reaper removes it should the JVM die first). Its
 * services outlive each test, so queues get unique names and tests use their own indices.
 *
 * <p>The image is pinned to {@value #IMAGE}, the last release that starts without an account: from
 * March 2026 on, LocalStack's images need {@code LOCALSTACK_AUTH_TOKEN}, which is passed through
 * when set. OpenSearch domains answer on a port of their own ({@code
 * OPENSEARCH_ENDPOINT_STRATEGY=port}), from {@value #FIRST_SERVICE_PORT} on: the index client takes
 * a base URL without a path, and no name under {@code localhost.localstack.cloud} needs resolving.
 */
public final class LocalStack {

    /** The image: LocalStack 4.14.0. */
    static final String IMAGE = "localstack/localstack:4.14.0";

    /** The first port LocalStack gives an OpenSearch domain, inside the container. */
    static final int FIRST_SERVICE_PORT = 4510;

    /** How many such ports are exposed: one domain is created, a few spare. */
    static final int SERVICE_PORTS = 5;

    private static LocalStack shared;

    private final LocalStackContainer container;
    private LocalStackOpenSearch openSearch;

    private LocalStack(LocalStackContainer container) {
        this.container = container;
    }

    /** The JVM's container, started on the first call (a minute or more the first time). */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            LocalStackContainer container =
                    new LocalStackContainer(DockerImageName.parse(IMAGE))
                            .withServices("sqs", "s3", "opensearch")
                            .withEnv("OPENSEARCH_ENDPOINT_STRATEGY", "port")
                            .withEnv("EXTERNAL_SERVICE_PORTS_START", "" + FIRST_SERVICE_PORT)
                            .withEnv(
                                    "EXTERNAL_SERVICE_PORTS_END",
                                    "" + (FIRST_SERVICE_PORT + SERVICE_PORTS))
                            .withStartupTimeout(Duration.ofMinutes(3));
            container.addExposedPorts(
                    IntStream.range(FIRST_SERVICE_PORT, FIRST_SERVICE_PORT + SERVICE_PORTS)
                            .toArray());
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            if (token != null && !token.isBlank()) {
                container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
            }
            container.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(container::stop, "localstack-shutdown"));
            // The functions build their clients with the SDK's default credentials chain, which
            // reads these properties first; LocalStack files resources under the account the
            // access key names, so the functions and the tests' clients must use the same one.
            System.setProperty("aws.accessKeyId", container.getAccessKey());
            System.setProperty("aws.secretAccessKey", container.getSecretKey());
            System.err.printf("LocalStack: %s ready at %s%n", IMAGE, container.getEndpoint());
            shared = new LocalStack(container);
        }
        return shared;
    }

    /** SQS on this container, with a client of its own. */
    TestSqs sqs() {
        return new LocalStackSqs(this);
    }

    /** S3 on this container, with a client of its own. */
    TestS3 s3() {
        return new LocalStackS3(this);
    }

    /** The JVM's OpenSearch domain, created on the first call (minutes the very first time). */
    synchronized TestOpenSearch openSearch() {
        if (openSearch == null) {
            openSearch = LocalStackOpenSearch.create(this);
        }
        return openSearch;
    }

    /** The endpoint of every AWS API, {@code http://<docker host>:<port>}. */
    URI endpoint() {
        return container.getEndpoint();
    }

    String region() {
        return container.getRegion();
    }

    AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey()));
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * Where a port inside the container is reached from the tests: {@code http://<docker
     * host>:<mapped port>}.
     *
     * @throws IllegalStateException if the port is not one this class exposes
     */
    URI serviceEndpoint(int containerPort) {
        if (containerPort < FIRST_SERVICE_PORT
                || containerPort >= FIRST_SERVICE_PORT + SERVICE_PORTS) {
            throw new IllegalStateException(
                    "LocalStack put a service on port "
                            + containerPort
                            + ", outside the exposed "
                            + FIRST_SERVICE_PORT
                            + " to "
                            + (FIRST_SERVICE_PORT + SERVICE_PORTS - 1));
        }
        return URI.create(
                "http://" + endpoint().getHost() + ":" + container.getMappedPort(containerPort));
    }
}
