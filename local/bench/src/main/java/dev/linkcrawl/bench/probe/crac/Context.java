package dev.linkcrawl.bench.probe.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context: the resources registered so far, held strongly (unlike a real JDK) because
 * {@code org.crac} already holds its side weakly and the probe's JVM lives for one checkpoint.
 */
public final class Context {

    private final List<Resource> resources = new ArrayList<>();

    Context() {}

    /** Called (reflectively) by {@code org.crac.Core$Compat#register}. */
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    synchronized List<Resource> resources() {
        return List.copyOf(resources);
    }
}
