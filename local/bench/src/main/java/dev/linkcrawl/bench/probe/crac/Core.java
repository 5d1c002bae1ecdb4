package dev.linkcrawl.bench.probe.crac;

import java.util.List;

/** Entry points {@code org.crac.Core$Compat} looks up by name. */
public final class Core {

    private static final Context GLOBAL = new Context();

    private Core() {}

    public static Context getGlobalContext() {
        return GLOBAL;
    }

    /**
     * Runs {@code beforeCheckpoint} on every registered resource (last registered first), then
     * {@code afterRestore} (first registered first), as CRaC orders them. A failing resource does
     * not stop the others; every failure is attached to the exception thrown at the end.
     *
     * @throws CheckpointException if any {@code beforeCheckpoint} threw
     * @throws RestoreException if any {@code afterRestore} threw
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> resources = GLOBAL.resources();
        CheckpointException checkpoint = new CheckpointException();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                checkpoint.addSuppressed(e);
            }
        }
        if (checkpoint.getSuppressed().length > 0) {
            throw checkpoint;
        }
        RestoreException restore = new RestoreException();
        for (Resource resource : resources) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception e) {
                restore.addSuppressed(e);
            }
        }
        if (restore.getSuppressed().length > 0) {
            throw restore;
        }
    }
}
