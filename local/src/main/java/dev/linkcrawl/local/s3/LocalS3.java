package dev.linkcrawl.local.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.linkcrawl.local.template.BucketResource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * An S3-compatible server (S3Mock, a Spring Boot application) in this JVM on 127.0.0.1, plain HTTP,
 * with its objects in a folder that is kept when it stops: buckets and objects are there again at
 * the next start. Clients address buckets by path ({@code http://127.0.0.1:9090/bucket/key}).
 *
 * <p>It shares the JVM with an OpenSearch node, which is why the runner's build excludes S3Mock's
 * Logback and Log4j-to-SLF4J bridge and pins Jakarta Annotations 2.1, and why Spring Boot's logging
 * system is switched off here: it would otherwise reconfigure the node's Log4j.
 */
public final class LocalS3 implements AutoCloseable {

    /** The region local buckets claim. */
    public static final String REGION = "us-east-1";

    private static final String SPRING_LOGGING_SYSTEM =
            "org.springframework.boot.logging.LoggingSystem";

    private final S3MockApplication application;
    private final URI endpoint;
    private final S3Client client;
    private boolean running = true;

    private LocalS3(S3MockApplication application, int port) {
        this.application = application;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = client(endpoint);
    }

    /**
     * Starts a server whose objects live in {@code storage} (created if missing).
     *
     * @param port the HTTP port, or 0 for a free one
     */
    @SuppressWarnings("removal") // getHttpPort: the plain-HTTP connector's port, all we use
    public static LocalS3 start(Path storage, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
        try {
            Files.createDirectories(storage);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + storage, e);
        }
        if (System.getProperty(SPRING_LOGGING_SYSTEM) == null) {
            System.setProperty(SPRING_LOGGING_SYSTEM, "none");
        }
        // S3MockApplication.start adds to the map, so it must be mutable.
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, storage.toAbsolutePath().toString());
        properties.put("com.adobe.testing.s3mock.store.retainFilesOnExit", true);
        properties.put(S3MockApplication.PROP_HTTP_PORT, port);
        // S3Mock always opens an HTTPS connector too; on a free port, on loopback, unused.
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.sources", LoopbackConnectors.class.getName());
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.main.banner-mode", "off");
        // GetObject streams its body asynchronously, and Tomcat ends an asynchronous response after
        // 30 s by default: an import read slowly (sending its links as it reads) lost the rest of
        // its file after 30 s. S3 has no such limit; this one lasts the longest invocation, 15 min.
        properties.put("spring.mvc.async.request-timeout", "15m");
        S3MockApplication application = S3MockApplication.start(properties);
        try {
            return new LocalS3(application, application.getHttpPort());
        } catch (RuntimeException e) {
            application.stop();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server, with fixed local credentials. */
    public S3Client client() {
        return client;
    }

    /**
     * Creates the buckets that do not exist yet (the others keep their objects).
     *
     * @return the names of the buckets created
     */
    public Set<String> createBuckets(List<BucketResource> buckets) {
        Set<String> existing =
                client.listBuckets().buckets().stream()
                        .map(Bucket::name)
                        .collect(Collectors.toSet());
        Set<String> created = new java.util.LinkedHashSet<>();
        for (BucketResource bucket : buckets) {
            if (!existing.contains(bucket.bucketName())) {
                client.createBucket(create -> create.bucket(bucket.bucketName()));
                created.add(bucket.bucketName());
            }
        }
        return created;
    }

    /** A new client of the server at {@code endpoint} (the caller closes it). */
    public static S3Client client(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("local", "local")))
                .httpClient(
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(2))
                                .socketTimeout(Duration.ofSeconds(60))
                                .build())
                .build();
    }

    /** Stops the server; its objects stay on disk. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        client.close();
        application.stop();
    }
}
