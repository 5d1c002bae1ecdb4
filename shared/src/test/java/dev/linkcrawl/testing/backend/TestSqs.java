package dev.linkcrawl.testing.backend;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible service for one test or test class: ElasticMQ of its own ({@link
 * dev.linkcrawl.testing.EmbeddedSqs}) or LocalStack's SQS, shared by the JVM ({@link
 * LocalStackSqs}). A function reaches it with {@code AWS_REGION} = {@link #region()} and {@code
 * AWS_ENDPOINT_URL_SQS} = {@link #endpoint()}.
 */
public interface TestSqs extends AutoCloseable {

    URI endpoint();

    /** The region its queues live in. */
    String region();

    /** A client for the test's own calls (send, receive, attributes). */
    SqsClient client();

    /**
     * Creates a new, empty standard queue and returns its URL. Its name is {@code name}, followed
     * by a unique suffix where the service outlives the test.
     */
    default String createQueue(String name) {
        return createQueue(name, Map.of());
    }

    /** Like {@link #createQueue(String)}, with queue attributes such as {@code RedrivePolicy}. */
    String createQueue(String name, Map<String, String> attributes);

    /** The ARN of the queue at {@code queueUrl}, as a {@code RedrivePolicy} names it. */
    default String queueArn(String queueUrl) {
        return client().getQueueAttributes(
                        get -> get.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
    }

    /** Whether {@link #stop()} can take the service away from this test alone. */
    boolean canStop();

    /**
     * Stops the service; clients then see connection errors, as in an SQS outage.
     *
     * @throws UnsupportedOperationException if {@link #canStop()} is false
     */
    void stop();

    /** Closes the client, and stops the service if it is this test's own. */
    @Override
    void close();
}
