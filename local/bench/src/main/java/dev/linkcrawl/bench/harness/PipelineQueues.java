package dev.linkcrawl.bench.harness;

import dev.linkcrawl.local.sqs.LocalQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queues of a running stack by role, read from the queues themselves: a queue with a redrive
 * policy is a work queue, and the queue its policy names is a dead-letter queue.
 *
 * @param work queue URLs the functions consume
 * @param deadLetters queue URLs failed messages move to
 */
public record PipelineQueues(List<String> work, List<String> deadLetters) {

    public PipelineQueues {
        work = List.copyOf(work);
        deadLetters = List.copyOf(deadLetters);
    }

    /** Sorts {@code queues} by their redrive policies. */
    public static PipelineQueues of(SqsClient sqs, Collection<LocalQueue> queues) {
        Set<String> targets = new TreeSet<>();
        List<LocalQueue> redriven = new ArrayList<>();
        for (LocalQueue queue : queues) {
            String policy =
                    sqs.getQueueAttributes(
                                    get ->
                                            get.queueUrl(queue.url())
                                                    .attributeNames(
                                                            QueueAttributeName.REDRIVE_POLICY))
                            .attributes()
                            .get(QueueAttributeName.REDRIVE_POLICY);
            if (policy != null && !policy.isBlank()) {
                redriven.add(queue);
                for (LocalQueue candidate : queues) {
                    if (policy.contains("\"" + candidate.arn() + "\"")) {
                        targets.add(candidate.url());
                    }
                }
            }
        }
        return new PipelineQueues(
                redriven.stream().map(LocalQueue::url).toList(), new ArrayList<>(targets));
    }
}
