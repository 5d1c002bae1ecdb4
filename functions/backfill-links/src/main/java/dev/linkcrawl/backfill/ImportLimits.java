package dev.linkcrawl.backfill;

import dev.linkcrawl.limit.OwnerLimits;

/**
 * Bounds on imports, so that a hostile or enormous file costs bounded memory and output, and one
 * owner's imports leave room for everyone else's.
 *
 * @param maxErrorsListed line errors written in the result; further ones are only counted
 * @param maxLinks distinct links taken from one file; the import stops at the next one ({@code
 *     IMPORT_MAX_LINKS})
 * @param importsAtOnce imports of one owner read at the same time; 0 for no limit ({@code
 *     IMPORTS_AT_ONCE_PER_OWNER})
 */
public record ImportLimits(int maxErrorsListed, int maxLinks, int importsAtOnce) {

    /**
     * 1000 errors listed; 100,000 links a file (3.6 MiB of ids remembered for duplicates); 2
     * imports at once.
     */
    public static final ImportLimits DEFAULT = new ImportLimits(1000, 100_000, 2);

    public ImportLimits {
        if (maxErrorsListed < 0 || maxLinks < 1 || importsAtOnce < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The limits {@code owner} sets, with {@link #DEFAULT}'s error list. */
    public static ImportLimits of(OwnerLimits owner) {
        return new ImportLimits(
                DEFAULT.maxErrorsListed(), owner.importLinks(), owner.importsAtOnce());
    }
}
