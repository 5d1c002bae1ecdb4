package dev.linkcrawl.testing.backend;

import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible service, addressed by path ({@code http://host:port/bucket/key}): S3Mock in the
 * test JVM (given by the module that uses it) or LocalStack's S3 ({@link LocalStackS3}). A function
 * reaches it with {@code AWS_ENDPOINT_URL_S3} = {@link #endpoint()}.
 */
public interface TestS3 extends AutoCloseable {

    URI endpoint();

    /** A client for the test's own calls (put, get, delete). */
    S3Client client();

    /** Creates {@code bucket} unless this service already holds it. */
    void createBucket(String bucket);

    /** Closes the client, and stops the service if it is this test's own. */
    @Override
    void close();
}
