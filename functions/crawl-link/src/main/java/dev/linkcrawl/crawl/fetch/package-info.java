/**
 * Fetching a URL that a stranger typed, safely and within one deadline.
 *
 * <p>The port is {@link dev.linkcrawl.crawl.fetch.PageFetcher}; the adapter is {@link
 * dev.linkcrawl.crawl.fetch.OkHttpPageFetcher}. Every fetch returns a {@link
 * dev.linkcrawl.crawl.fetch.FetchOutcome}: a page, described non-HTML content, or a failure with a
 * {@link dev.linkcrawl.crawl.fetch.FailureCode}.
 *
 * <p>The SSRF model: the URL rules ({@code dev.linkcrawl.url.LinkUrl}) are a first filter, applied
 * to the first URL and to every redirect and meta refresh. The authority is the address check on
 * what DNS actually returned, every A and AAAA answer, made once per host and fetch; the HTTP
 * client is then given exactly those addresses (its DNS never looks anything up) and its sockets
 * refuse to dial anything else, with no proxy of any kind. Loopback pairs named in {@code
 * UrlPolicy.exemptHosts} are the only exception, for tests and local fixtures.
 *
 * <p>Decisions where the design was silent:
 *
 * <ul>
 *   <li>A meta refresh is a hop when its delay is at most 5 seconds and it names a URL, looked for
 *       in the first 32 KiB of the decoded page; a refresh that leads back to a URL already visited
 *       (itself, or earlier in the chain) ends the chain at the refreshing page.
 *   <li>The chain records each URL that redirected and its status (200 for a meta refresh); the
 *       final URL and status are in the outcome itself.
 *   <li>A body cut by the deadline is a {@code TIMEOUT} failure, not a partial page; only the byte
 *       cap produces {@code truncated}.
 *   <li>Non-HTML content is read (not kept) up to the cap to report its size.
 *   <li>A failure detail names the blocked range, never the address DNS returned.
 * </ul>
 */
package dev.linkcrawl.crawl.fetch;
