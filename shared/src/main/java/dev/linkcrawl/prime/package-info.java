/**
 * SnapStart priming: the work a function's first request would otherwise pay for (loading and
 * initialising classes, parsing the JSON codecs' metadata, IDN tables, the SDK's request pipeline)
 * done once, before Lambda takes the snapshot that every instance is restored from.
 *
 * <p>Priming never leaves the process. Each handler registers a {@link
 * dev.linkcrawl.prime.SnapStartPriming} in its public constructors; its {@code beforeCheckpoint}
 * runs the handler's own code on sample requests, with every network client replaced by one of the
 * same kind that sends through a {@link dev.linkcrawl.prime.CannedHttpClient}, which answers in
 * memory as the real service would. Without SnapStart (or outside Lambda) nothing calls it, so it
 * adds nothing to an ordinary cold start.
 *
 * <p>This package holds what every function's priming shares: the registration, the canned HTTP
 * client, the SQS client and links index over it ({@link dev.linkcrawl.prime.SqsPriming}, {@link
 * dev.linkcrawl.prime.IndexPriming}), sample API requests and the shared code paths. Each function
 * keeps its own priming in a {@code prime} package beside its handler ({@code
 * dev.linkcrawl.submit.prime}, {@code dev.linkcrawl.query.prime}, {@code
 * dev.linkcrawl.crawl.prime}, {@code dev.linkcrawl.backfill.prime}).
 */
package dev.linkcrawl.prime;
