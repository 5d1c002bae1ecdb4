package dev.linkcrawl.bench.faults;

import dev.linkcrawl.bench.harness.DeadLetters;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.bench.harness.QueueWatch;
import dev.linkcrawl.bench.harness.Reconciliation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the pipeline holds once it has settled, for some owners: their documents and the dead
 * letters (which are removed, so the next scenario on the same queues starts empty).
 *
 * @param documents the owners' documents by id
 * @param deadLetters every dead letter (a poison message has no owner, so none is filtered out)
 */
record Settled(
        Map<String, IndexScan.IndexedLink> documents, List<DeadLetters.DeadLetter> deadLetters) {

    /** Waits for the work queues to settle, then reads documents and dead letters. */
    static Settled await(
            SqsClient sqs,
            PipelineQueues queues,
            IndexScan index,
            Set<String> owners,
            Duration limit)
            throws InterruptedException, TimeoutException {
        new QueueWatch(sqs, queues.work()).awaitSettled(limit);
        return new Settled(
                index.byOwners(owners), new DeadLetters(sqs, queues.deadLetters()).read(true));
    }

    /** Only the documents and dead letters of {@code keys}. */
    Settled only(Set<String> keys) {
        Map<String, IndexScan.IndexedLink> kept = new LinkedHashMap<>(documents);
        kept.keySet().retainAll(keys);
        return new Settled(
                kept, deadLetters.stream().filter(letter -> keys.contains(letter.key())).toList());
    }

    Set<String> deadLetterKeys() {
        return deadLetters.stream().map(DeadLetters.DeadLetter::key).collect(Collectors.toSet());
    }

    /** The promise checked for {@code accepted} (none with an unknown outcome). */
    Reconciliation against(Set<String> accepted) {
        return against(accepted, Set.of());
    }

    Reconciliation against(Set<String> accepted, Set<String> unknown) {
        return new Reconciliation(accepted, documents.keySet(), deadLetterKeys(), unknown);
    }
}
