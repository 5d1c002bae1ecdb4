package dev.linkcrawl.backfill;

import dev.linkcrawl.aws.S3Clients;
import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.limit.OpenSearchOwnerQuotas;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The backfill function's two jobs, both onto the backfill queue: importing uploaded bookmark files
 * and the scheduled re-crawl.
 *
 * @param recrawlLinks empty without an index ({@code OPENSEARCH_ENDPOINT}): imports work without
 *     it, the re-crawl needs it
 */
public record BackfillJobs(ImportBookmarks importBookmarks, Optional<RecrawlLinks> recrawlLinks) {

    /** How long a count of the owner's imports may take before the import goes on without it. */
    static final Duration QUOTA_TIMEOUT = Duration.ofSeconds(2);

    public BackfillJobs {
        Objects.requireNonNull(importBookmarks, "importBookmarks");
        Objects.requireNonNull(recrawlLinks, "recrawlLinks");
    }

    /** The jobs as the function runs them, their clients built from {@code settings}. */
    static BackfillJobs create(Settings settings) {
        BackfillQueue queue =
                new SqsBackfillQueue(
                        SqsClients.create(settings, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                        settings.requireQueueUrl());
        return new BackfillJobs(
                new ImportBookmarks(
                        new S3ImportStore(S3Clients.create(settings, Duration.ofSeconds(30))),
                        queue,
                        settings.urlPolicy(),
                        Clock.systemUTC(),
                        Backoff.DEFAULT,
                        Sleeper.SYSTEM,
                        ImportLimits.of(settings.ownerLimits()),
                        // Imports at once are counted beside the index; without one, not at all.
                        settings.openSearchEndpoint()
                                .map(
                                        endpoint ->
                                                OpenSearchOwnerQuotas.create(
                                                        settings, QUOTA_TIMEOUT))),
                settings.openSearchEndpoint()
                        .map(
                                endpoint ->
                                        new RecrawlLinks(
                                                OpenSearchLinkIndex.create(settings),
                                                queue,
                                                Clock.systemUTC(),
                                                Duration.ofDays(settings.recrawlAfterDays()),
                                                settings.recrawlMaxPerRun(),
                                                Backoff.DEFAULT,
                                                Sleeper.SYSTEM)));
    }
}
