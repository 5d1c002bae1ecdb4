package dev.linkcrawl.link;

import java.util.Locale;

/** Where a crawl request came from; it decides nothing but is kept for the operator. */
public enum CrawlSource {
    /** Saved by a user through {@code POST /links}. */
    API,
    /** Read from a bookmark export uploaded to the import bucket. */
    IMPORT,
    /** Picked by the scheduled re-crawl of stale or retryably failed links. */
    RECRAWL;

    /** The wire name: {@code api}, {@code import} or {@code recrawl}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException when {@code wireName} names no source
     */
    public static CrawlSource fromWireName(String wireName) {
        for (CrawlSource source : values()) {
            if (source.wireName().equals(wireName)) {
                return source;
            }
        }
        throw new IllegalArgumentException("source must be api, import or recrawl");
    }
}
