package dev.linkcrawl.testing.backend;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * LocalStack's SQS. The container serves the whole JVM and cannot be stopped for one test, and a
 * queue name gets a unique suffix so that tests never see each other's messages.
 */
final class LocalStackSqs implements TestSqs {

    private final LocalStack localStack;
    private final SqsClient client;

    LocalStackSqs(LocalStack localStack) {
        this.localStack = localStack;
        this.client =
                SqsClient.builder()
                        .endpointOverride(localStack.endpoint())
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
    public String region() {
        return localStack.region();
    }

    @Override
    public SqsClient client() {
        return client;
    }

    @Override
    public String createQueue(String name, Map<String, String> attributes) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return client.createQueue(
                        create -> create.queueName(unique).attributesWithStrings(attributes))
                .queueUrl();
    }

    @Override
    public boolean canStop() {
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException(
                "LocalStack serves every test of this JVM: it cannot be stopped for one");
    }

    @Override
    public void close() {
        client.close();
    }
}
