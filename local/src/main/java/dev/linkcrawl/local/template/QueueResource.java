package dev.linkcrawl.local.template;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::SQS::Queue} of the template, with SQS's defaults where a property is absent.
 *
 * @param logicalId the resource's logical id
 * @param queueName its {@code QueueName}, or the logical id when absent (CloudFormation would
 *     generate one; locally the logical id is the readable choice)
 * @param visibilityTimeout {@code VisibilityTimeout}, default 30 seconds
 * @param messageRetentionPeriod {@code MessageRetentionPeriod}, default 4 days
 * @param delay {@code DelaySeconds}, default 0
 * @param redrive {@code RedrivePolicy}, if any
 */
public record QueueResource(
        String logicalId,
        String queueName,
        Duration visibilityTimeout,
        Duration messageRetentionPeriod,
        Duration delay,
        Optional<Redrive> redrive) {

    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(4);

    public QueueResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(messageRetentionPeriod, "messageRetentionPeriod");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(redrive, "redrive");
    }
}
