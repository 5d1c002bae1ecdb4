package dev.linkcrawl.local.sqs;

import dev.linkcrawl.local.template.Intrinsics;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code !Ref Queue} and {@code !GetAtt Queue.Arn|QueueName|QueueUrl} give for the local
 * queues, as CloudFormation gives them for the deployed ones.
 */
public record QueueValues(Map<String, LocalQueue> queues) implements Intrinsics.ResourceValues {

    public QueueValues {
        queues = Map.copyOf(queues);
    }

    @Override
    public Optional<Object> ref(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId)).map(LocalQueue::url);
    }

    @Override
    public Optional<Object> attribute(String logicalId, String attribute) {
        return Optional.ofNullable(queues.get(logicalId))
                .flatMap(
                        queue ->
                                switch (attribute) {
                                    case "Arn" -> Optional.of(queue.arn());
                                    case "QueueName" -> Optional.of(queue.name());
                                    case "QueueUrl" -> Optional.of(queue.url());
                                    default -> Optional.empty();
                                });
    }
}
