package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a fetch behaves. Read once at cold start ({@link #of} maps {@code FETCH_DEADLINE_MS}, {@code
 * MAX_BODY_BYTES}, {@code MAX_REDIRECTS}, {@code USER_AGENT}, {@code ALLOWED_PORTS} and {@code
 * ALLOWED_PRIVATE_HOSTS} onto it); every value is checked here.
 *
 * @param deadline the configured time for a whole fetch (DNS, connect, TLS, every redirect, the
 *     body); default 15 seconds, at most 15 minutes. The handler shortens it further to the
 *     invocation's remaining time with {@link FetchDeadline#of}.
 * @param maxBodyBytes the body cap after decompression; default 5 MiB (5,242,880 bytes), at most 64
 *     MiB. A longer body is cut there and marked truncated.
 * @param maxRedirects how many redirects (and short meta refreshes) one fetch follows; default 10,
 *     0 to 50
 * @param userAgent the {@code User-Agent} header; default {@value #DEFAULT_USER_AGENT}. Printable
 *     ASCII, at most 256 characters.
 * @param urlPolicy the allowed ports and exempt loopback pairs; default {@link UrlPolicy#DEFAULT}
 *     (ports 80, 443, 8080, 8443; nothing exempt)
 */
public record FetchSettings(
        Duration deadline,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        UrlPolicy urlPolicy) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(15_000);
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 10;
    public static final String DEFAULT_USER_AGENT =
            "linkcrawl/0.1 (+https://github.com/linkcrawl/linkcrawl)";

    /** The response header block cap (names plus values), 64 KiB; not configurable. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    static final Duration MAX_DEADLINE = Duration.ofMinutes(15);
    static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;
    static final int MAX_REDIRECTS_LIMIT = 50;
    static final int MAX_USER_AGENT_LENGTH = 256;

    public FetchSettings {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(urlPolicy, "urlPolicy");
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException(
                    "the fetch deadline must be more than 0 ms and at most 15 minutes, not "
                            + deadline.toMillis()
                            + " ms");
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "the body cap must be 1 to "
                            + MAX_BODY_BYTES_LIMIT
                            + " bytes, not "
                            + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
            throw new IllegalArgumentException(
                    "the redirect limit must be 0 to "
                            + MAX_REDIRECTS_LIMIT
                            + ", not "
                            + maxRedirects);
        }
        if (userAgent.isBlank()
                || userAgent.length() > MAX_USER_AGENT_LENGTH
                || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "the user agent must be 1 to "
                            + MAX_USER_AGENT_LENGTH
                            + " printable ASCII characters");
        }
    }

    /** The fetch settings among the function's {@code settings}. */
    public static FetchSettings of(Settings settings) {
        return new FetchSettings(
                settings.fetchDeadline(),
                settings.maxBodyBytes(),
                settings.maxRedirects(),
                settings.userAgent(),
                settings.urlPolicy());
    }

    /** Every default: 15 s, 5 MiB, 10 redirects, the linkcrawl user agent, the default policy. */
    public static FetchSettings defaults() {
        return new FetchSettings(
                DEFAULT_DEADLINE,
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_REDIRECTS,
                DEFAULT_USER_AGENT,
                UrlPolicy.DEFAULT);
    }

    public FetchSettings withDeadline(Duration value) {
        return new FetchSettings(value, maxBodyBytes, maxRedirects, userAgent, urlPolicy);
    }

    public FetchSettings withMaxBodyBytes(long value) {
        return new FetchSettings(deadline, value, maxRedirects, userAgent, urlPolicy);
    }

    public FetchSettings withMaxRedirects(int value) {
        return new FetchSettings(deadline, maxBodyBytes, value, userAgent, urlPolicy);
    }

    public FetchSettings withUrlPolicy(UrlPolicy value) {
        return new FetchSettings(deadline, maxBodyBytes, maxRedirects, userAgent, value);
    }
}
