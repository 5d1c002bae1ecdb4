package dev.linkcrawl.bench.probe.crac;

/** What {@code org.crac} registers: a proxy that forwards to the function's own resource. */
public interface Resource {

    /** Called before the (simulated) snapshot, last registered first. */
    void beforeCheckpoint(Context context) throws Exception;

    /** Called after the (simulated) restore, first registered first. */
    void afterRestore(Context context) throws Exception;
}
