package dev.linkcrawl.bench.harness;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The promise to users, checked after the pipeline settled: every link the system accepted ends as
 * a document (crawled, or failed with a reason) or as a message in a dead-letter queue.
 *
 * <p>A link can be in both: the last delivery of a link that kept failing transiently writes a
 * {@code failed} document with {@code retryable: true} so that its owner sees it, and the message
 * still moves to the dead-letter queue for an operator. So the equation is over distinct links:
 * {@code accepted = |documents ∪ dead letters|}, with nothing outside {@code accepted} except links
 * whose submission had an unknown outcome (the connection died before the answer).
 *
 * @param accepted keys of what was accepted: 202 answers' ids, enqueued import lines, messages put
 *     on a queue
 * @param documents keys of the documents found
 * @param deadLetters keys of the dead-lettered messages
 * @param unknown keys whose acceptance is unknown: each may be anywhere, or nowhere
 */
public record Reconciliation(
        Set<String> accepted, Set<String> documents, Set<String> deadLetters, Set<String> unknown) {

    public Reconciliation {
        accepted = Set.copyOf(accepted);
        documents = Set.copyOf(documents);
        deadLetters = Set.copyOf(deadLetters);
        unknown = Set.copyOf(unknown);
    }

    /** Accepted links that are neither a document nor a dead letter: broken promises. */
    public Set<String> lost() {
        Set<String> lost = new TreeSet<>(accepted);
        lost.removeAll(documents);
        lost.removeAll(deadLetters);
        return lost;
    }

    /** Documents or dead letters of links nobody had been told were accepted. */
    public Set<String> unexpected() {
        Set<String> found = new TreeSet<>(documents);
        found.addAll(deadLetters);
        found.removeAll(accepted);
        found.removeAll(unknown);
        return found;
    }

    /** Links that are a document and a dead letter (a last delivery that failed transiently). */
    public Set<String> both() {
        Set<String> both = new TreeSet<>(documents);
        both.retainAll(deadLetters);
        return both;
    }

    /** Whether every accepted link is accounted for and nothing else turned up. */
    public boolean holds() {
        return lost().isEmpty() && unexpected().isEmpty();
    }

    /**
     * {@code scenario=… accepted=… documents=… dlq=… both=… lost=… unexpected=… ms=…}: documents
     * and dead letters counted among the accepted links.
     */
    public String line(String scenario, Duration took) {
        return "scenario="
                + scenario
                + " accepted="
                + accepted.size()
                + " documents="
                + documents.stream().filter(accepted::contains).count()
                + " dlq="
                + deadLetters.stream().filter(accepted::contains).count()
                + " both="
                + both().stream().filter(accepted::contains).count()
                + " lost="
                + lost().size()
                + " unexpected="
                + unexpected().size()
                + " ms="
                + took.toMillis();
    }
}
