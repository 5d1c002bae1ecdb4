package dev.linkcrawl.backfill;

/**
 * Bounds on one import, so that a hostile or enormous file costs bounded memory and output.
 *
 * @param maxErrorsListed line errors written in the result; further ones are only counted
 * @param maxLinks distinct links taken from one file; the import stops at the next one
 */
public record ImportLimits(int maxErrorsListed, int maxLinks) {

    /** 1000 errors listed; 1,000,000 links a file (36 MiB of ids remembered for duplicates). */
    public static final ImportLimits DEFAULT = new ImportLimits(1000, 1_000_000);

    public ImportLimits {
        if (maxErrorsListed < 0 || maxLinks < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
