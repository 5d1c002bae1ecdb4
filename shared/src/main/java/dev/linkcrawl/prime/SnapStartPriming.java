package dev.linkcrawl.prime;

import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A CRaC resource that runs a function's priming before the SnapStart snapshot. Lambda calls {@link
 * #beforeCheckpoint} once, when it publishes a version; a failure there fails the publication
 * rather than leaving instances half primed.
 */
public final class SnapStartPriming implements Resource {

    private final Runnable priming;

    private SnapStartPriming(Runnable priming) {
        this.priming = Objects.requireNonNull(priming, "priming");
    }

    /**
     * Registers {@code priming} with the global CRaC context. Keep the returned object in a field
     * of the handler: CRaC holds registered resources weakly, so an unreferenced one is collected
     * before the snapshot and never runs. Outside a CRaC runtime registering does nothing.
     *
     * @param priming the function's first-request work, against in-memory clients only
     */
    public static SnapStartPriming register(Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(priming);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    /** Runs the priming; {@code context} is not used (tests pass null). */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        priming.run();
    }

    /** Nothing to renew: priming holds no connections or credentials. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {}
}
