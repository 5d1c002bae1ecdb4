package dev.linkcrawl.local.sqs;

import dev.linkcrawl.local.template.QueueResource;
import dev.linkcrawl.local.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the template's queues on a local server, or updates the attributes of those a previous
 * run stored, so that a changed template takes effect at the next start. Dead-letter queues are
 * created before the queues that redrive to them (ElasticMQ refuses a redrive policy whose target
 * does not exist yet).
 */
public final class QueueProvisioner {

    private QueueProvisioner() {}

    /** The local queues by logical id, in template order. */
    public static Map<String, LocalQueue> provision(SqsClient sqs, List<QueueResource> queues) {
        Map<String, LocalQueue> created = new LinkedHashMap<>();
        List<QueueResource> pending = new ArrayList<>(queues);
        while (!pending.isEmpty()) {
            List<QueueResource> ready =
                    pending.stream()
                            .filter(
                                    queue ->
                                            queue.redrive().isEmpty()
                                                    || created.containsKey(
                                                            queue.redrive()
                                                                    .get()
                                                                    .deadLetterQueue()))
                            .toList();
            if (ready.isEmpty()) {
                throw new TemplateException(
                        "the redrive policies of "
                                + pending.stream().map(QueueResource::logicalId).toList()
                                + " form a cycle");
            }
            for (QueueResource queue : ready) {
                created.put(queue.logicalId(), provision(sqs, queue, created));
            }
            pending.removeAll(ready);
        }
        Map<String, LocalQueue> inTemplateOrder = new LinkedHashMap<>();
        queues.forEach(
                queue -> inTemplateOrder.put(queue.logicalId(), created.get(queue.logicalId())));
        return inTemplateOrder;
    }

    private static LocalQueue provision(
            SqsClient sqs, QueueResource queue, Map<String, LocalQueue> created) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                Long.toString(queue.visibilityTimeout().toSeconds()));
        attributes.put(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                Long.toString(queue.messageRetentionPeriod().toSeconds()));
        attributes.put(QueueAttributeName.DELAY_SECONDS, Long.toString(queue.delay().toSeconds()));
        queue.redrive()
                .ifPresent(
                        redrive ->
                                attributes.put(
                                        QueueAttributeName.REDRIVE_POLICY,
                                        "{\"deadLetterTargetArn\":\""
                                                + created.get(redrive.deadLetterQueue()).arn()
                                                + "\",\"maxReceiveCount\":\""
                                                + redrive.maxReceiveCount()
                                                + "\"}"));
        Optional<String> existing = existingUrl(sqs, queue.queueName());
        existing.ifPresent(
                url -> sqs.setQueueAttributes(set -> set.queueUrl(url).attributes(attributes)));
        String url =
                existing.orElseGet(
                        () ->
                                sqs.createQueue(
                                                create ->
                                                        create.queueName(queue.queueName())
                                                                .attributes(attributes))
                                        .queueUrl());
        String arn =
                sqs.getQueueAttributes(
                                get ->
                                        get.queueUrl(url)
                                                .attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes()
                        .get(QueueAttributeName.QUEUE_ARN);
        return new LocalQueue(queue.logicalId(), queue.queueName(), url, arn);
    }

    private static Optional<String> existingUrl(SqsClient sqs, String name) {
        try {
            return Optional.of(sqs.getQueueUrl(get -> get.queueName(name)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }
}
