package dev.linkcrawl.crawl.delivery;

/** Which of the template's queues a delivery came from. */
public enum QueueRole {
    /** Links saved through the API ({@code CrawlQueue}). */
    CRAWL,
    /** Imported and re-crawled links ({@code BackfillQueue}). */
    BACKFILL
}
