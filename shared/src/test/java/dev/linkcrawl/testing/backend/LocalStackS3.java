package dev.linkcrawl.testing.backend;

import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** LocalStack's S3; buckets outlive the test that created them, until the JVM exits. */
final class LocalStackS3 implements TestS3 {

    private final LocalStack localStack;
    private final S3Client client;

    LocalStackS3(LocalStack localStack) {
        this.localStack = localStack;
        this.client =
                S3Client.builder()
                        .endpointOverride(localStack.endpoint())
                        .forcePathStyle(true)
                        .region(Region.of(localStack.region()))
                        .credentialsProvider(localStack.credentials())
                        .httpClient(LocalStack.httpClient())
                        .build();
    }

    @Override
    public URI endpoint() {
        return localStack.endpoint();
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
            // An earlier test class of this JVM created it.
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
