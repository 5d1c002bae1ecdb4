package dev.linkcrawl.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.linkcrawl.testing.backend.TestS3;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * S3Mock in this JVM on 127.0.0.1, plain HTTP and a free port, started as {@code S3MockExtension}
 * starts it: the embedded {@link TestS3} of this module's tests. Close it, which stops the server.
 */
public final class EmbeddedS3 implements TestS3 {

    private final S3MockApplication application;
    private final URI endpoint;
    private final S3Client client;

    private EmbeddedS3(S3MockApplication application, URI endpoint) {
        this.application = application;
        this.endpoint = endpoint;
        this.client =
                S3Client.builder()
                        .endpointOverride(endpoint)
                        .forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .httpClient(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(2))
                                        .build())
                        .build();
    }

    /** Starts a server (a few seconds: it is a Spring Boot application). */
    @SuppressWarnings("removal") // getHttpPort: the plain-HTTP connector's port, all we use
    public static EmbeddedS3 start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        // S3Mock always opens an HTTPS connector too; on a free port, on loopback, unused.
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_SECURE_CONNECTION, false);
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("server.address", "127.0.0.1");
        S3MockApplication application = S3MockApplication.start(properties);
        return new EmbeddedS3(
                application, URI.create("http://127.0.0.1:" + application.getHttpPort()));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public S3Client client() {
        return client;
    }

    @Override
    public void createBucket(String bucket) {
        try {
            client.createBucket(create -> create.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Created earlier by this test class.
        }
    }

    @Override
    public void close() {
        client.close();
        application.stop();
    }
}
