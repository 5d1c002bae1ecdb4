package dev.linkcrawl.bench.probe.crac;

/** An {@code afterRestore} failed; the failures are suppressed exceptions. */
public final class RestoreException extends Exception {
    public RestoreException() {
        super("a resource failed after the restore");
    }
}
