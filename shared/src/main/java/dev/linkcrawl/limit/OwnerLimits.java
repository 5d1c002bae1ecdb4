package dev.linkcrawl.limit;

/**
 * What one owner may use, so that no owner's flood delays everyone else. Each is a template
 * parameter; 0 turns a limit off, except {@code importLinks}, which also bounds an import's memory.
 *
 * @param linksPerDay links accepted through {@code POST /links} per UTC day ({@code
 *     LINKS_PER_OWNER_PER_DAY}, default 1,000)
 * @param importLinks links taken from one import file; the rest of the file is counted and not
 *     queued ({@code IMPORT_MAX_LINKS}, default 100,000)
 * @param importsAtOnce imports of one owner being read at the same time ({@code
 *     IMPORTS_AT_ONCE_PER_OWNER}, default 2)
 * @param crawlsAtOnce crawls of one owner's saved links running at once, of the crawl queue's
 *     {@code MaximumConcurrency} ({@code CRAWL_MAX_PER_OWNER}, default 10 of 20)
 * @param backfillCrawlsAtOnce the same for imported and re-crawled links ({@code
 *     BACKFILL_MAX_PER_OWNER}, default 2 of 4)
 */
public record OwnerLimits(
        int linksPerDay,
        int importLinks,
        int importsAtOnce,
        int crawlsAtOnce,
        int backfillCrawlsAtOnce) {

    public static final OwnerLimits DEFAULT = new OwnerLimits(1_000, 100_000, 2, 10, 2);

    public OwnerLimits {
        if (linksPerDay < 0
                || importLinks < 0
                || importsAtOnce < 0
                || crawlsAtOnce < 0
                || backfillCrawlsAtOnce < 0) {
            throw new IllegalArgumentException("an owner limit cannot be negative");
        }
    }
}
