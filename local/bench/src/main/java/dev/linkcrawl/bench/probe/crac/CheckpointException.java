package dev.linkcrawl.bench.probe.crac;

/** A {@code beforeCheckpoint} failed; the failures are suppressed exceptions. */
public final class CheckpointException extends Exception {
    public CheckpointException() {
        super("a resource failed before the checkpoint");
    }
}
