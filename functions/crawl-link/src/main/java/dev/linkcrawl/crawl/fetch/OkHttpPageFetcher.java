package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import dev.linkcrawl.url.UrlProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@link PageFetcher} on OkHttp 5.
 *
 * <p>One client is built per instance (per cold start) with everything that could reach past the
 * checks switched off: no proxy (a proxy would bypass the address check), no cookies, no
 * authenticators, no cache, no automatic redirects, no silent retry on a new connection. Each fetch
 * then derives a client whose DNS is the fetch's {@link PinnedAddresses} and whose connection pool
 * is its own, so connections never outlive the checks that allowed them.
 *
 * <p>Per hop: the URL rules, then one bounded DNS lookup per host, then the address rule, then the
 * request with {@code call.timeout()} set to what is left of the deadline (it covers connect, TLS,
 * headers and body). Inside that, a connect takes at most 5 seconds and a read waits at most 10
 * seconds for a byte. TLS verifies the host name as usual.
 */
public final class OkHttpPageFetcher implements PageFetcher {

    /** Longest wait for one TCP connect, inside the deadline: 5 seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Longest wait for the next byte (read) or for a write, inside the deadline: 10 seconds. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final FetchSettings settings;
    private final OkHttpClient client;
    private final AddressLookup lookup;
    private final Predicate<InetSocketAddress> dialFilter;

    /** A fetcher that resolves names with the JVM resolver. */
    public OkHttpPageFetcher(FetchSettings settings) {
        this(settings, HostResolver.system());
    }

    /** A fetcher that resolves names with {@code resolver}. */
    public OkHttpPageFetcher(FetchSettings settings, HostResolver resolver) {
        this(settings, resolver, new OkHttpClient(), address -> true);
    }

    /**
     * For tests: {@code base} may carry a test trust store; {@code dialFilter} sees (and may
     * refuse) every address before it is dialled. The safety settings are applied over {@code
     * base}, so it cannot switch them back on.
     */
    OkHttpPageFetcher(
            FetchSettings settings,
            HostResolver resolver,
            OkHttpClient base,
            Predicate<InetSocketAddress> dialFilter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialFilter = Objects.requireNonNull(dialFilter, "dialFilter");
        this.lookup = new AddressLookup(resolver, lookupThreads());
        this.client =
                base.newBuilder()
                        .proxy(Proxy.NO_PROXY)
                        .cookieJar(CookieJar.NO_COOKIES)
                        .authenticator(Authenticator.NONE)
                        .proxyAuthenticator(Authenticator.NONE)
                        .cache(null)
                        .followRedirects(false)
                        .followSslRedirects(false)
                        .retryOnConnectionFailure(false)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .readTimeout(IDLE_TIMEOUT)
                        .writeTimeout(IDLE_TIMEOUT)
                        .callTimeout(settings.deadline())
                        .build();
    }

    @Override
    public FetchOutcome fetch(LinkUrl url, Instant deadline) {
        return fetch(url, deadline, Preemption.never());
    }

    @Override
    public FetchOutcome fetch(LinkUrl url, Instant deadline, Preemption preemption) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(preemption, "preemption");
        Fetch fetch = new Fetch(deadline, preemption);
        try {
            FetchOutcome outcome = fetch.run(url);
            // A cancelled request may surface as a reset or a cut body: it was the preemption.
            return outcome instanceof FetchOutcome.Failed failed && preemption.preempted()
                    ? fetch.preempted(failed.url())
                    : outcome;
        } finally {
            fetch.close();
        }
    }

    private static ExecutorService lookupThreads() {
        return Executors.newCachedThreadPool(
                task -> {
                    Thread thread = new Thread(task, "linkcrawl-dns");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** What one hop led to: the end of the fetch, or a redirect to follow. */
    private sealed interface Hop {
        record Done(FetchOutcome outcome) implements Hop {}

        /**
         * A redirect: a 3xx {@code Location}, or a short meta refresh found on {@code refreshing}.
         */
        record Next(String location, int status, Optional<FetchOutcome.Page> refreshing)
                implements Hop {}
    }

    /** The state of one fetch: its deadline, checked addresses, client and redirect chain. */
    private final class Fetch {
        private final Instant deadline;
        private final long startNanos = System.nanoTime();
        private final PinnedAddresses pins = new PinnedAddresses();
        private final ConnectionPool pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
        private final OkHttpClient http;
        private final Map<String, List<InetAddress>> resolved = new HashMap<>();
        private final List<Redirect> redirects = new ArrayList<>();
        private final Set<String> visited = new HashSet<>();
        private final Preemption preemption;

        Fetch(Instant deadline, Preemption preemption) {
            this.deadline = deadline;
            this.preemption = preemption;
            this.http =
                    client.newBuilder()
                            .dns(pins)
                            .socketFactory(pins.socketFactory(dialFilter))
                            .connectionPool(pool)
                            .build();
        }

        FetchOutcome run(LinkUrl start) {
            UrlPolicy policy = settings.urlPolicy();
            LinkUrl current;
            switch (LinkUrl.check(start.value(), policy)) {
                case UrlCheck.Accepted accepted -> current = accepted.url();
                case UrlCheck.Rejected rejected -> {
                    return failed(
                            codeOf(rejected.problem()),
                            "the URL is refused: " + rejected.detail(),
                            start);
                }
            }
            visited.add(current.value());
            while (true) {
                Hop hop = request(current);
                if (hop instanceof Hop.Done done) {
                    return done.outcome();
                }
                Hop.Next next = (Hop.Next) hop;
                Optional<String> target = RedirectTarget.resolve(current, next.location());
                Optional<UrlCheck> checked = target.map(raw -> LinkUrl.check(raw, policy));
                if (next.refreshing().isPresent() && goesNowhereNew(checked)) {
                    // A refresh to itself, back along the chain, or to something that is not a URL
                    // leads nowhere new: the refreshing page is the answer.
                    return next.refreshing().get();
                }
                redirects.add(new Redirect(current.value(), next.status()));
                if (redirects.size() > settings.maxRedirects()) {
                    return failed(
                            FailureCode.TOO_MANY_REDIRECTS,
                            "more than " + settings.maxRedirects() + " redirects",
                            current);
                }
                if (checked.isEmpty()) {
                    return failed(
                            FailureCode.INVALID_URL, "the redirect target is not a URL", current);
                }
                switch (checked.get()) {
                    case UrlCheck.Accepted accepted -> {
                        if (!visited.add(accepted.url().value())) {
                            return failed(
                                    FailureCode.REDIRECT_LOOP,
                                    "the redirects lead back to a URL already visited",
                                    current);
                        }
                        current = accepted.url();
                    }
                    case UrlCheck.Rejected rejected -> {
                        return failed(
                                codeOf(rejected.problem()),
                                "the redirect target is refused: " + rejected.detail(),
                                current);
                    }
                }
            }
        }

        private boolean goesNowhereNew(Optional<UrlCheck> checked) {
            return checked.isEmpty()
                    || (checked.get() instanceof UrlCheck.Accepted accepted
                            && visited.contains(accepted.url().value()));
        }

        private FetchOutcome.Failed preempted(LinkUrl url) {
            return failed(
                    FailureCode.PREEMPTED,
                    "stopped to leave the slot to other owners' links; tried again later",
                    url);
        }

        /** One request: check the addresses, send it, and read what came back. */
        private Hop request(LinkUrl url) {
            long remaining = remainingNanos();
            if (remaining <= 0) {
                return done(failed(FailureCode.TIMEOUT, "the fetch deadline passed", url));
            }
            Optional<FetchOutcome.Failed> refused = checkAddresses(url);
            if (refused.isPresent()) {
                return done(refused.get());
            }
            HttpUrl httpUrl = HttpUrl.parse(url.value());
            if (httpUrl == null || !sameHost(httpUrl.host(), url.host())) {
                return done(
                        failed(
                                FailureCode.INVALID_URL,
                                "the URL cannot be requested as it was checked",
                                url));
            }
            Request request =
                    new Request.Builder()
                            .url(httpUrl)
                            .header("User-Agent", settings.userAgent())
                            .header("Accept", ACCEPT)
                            .header("Accept-Encoding", ContentCoding.ACCEPT_ENCODING)
                            .get()
                            .build();
            Call call = http.newCall(request);
            remaining = remainingNanos();
            if (remaining <= 0) {
                return done(failed(FailureCode.TIMEOUT, "the fetch deadline passed", url));
            }
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
            if (!preemption.inFlight(call::cancel)) {
                return done(preempted(url));
            }
            try (Response response = call.execute()) {
                return read(call, response, url);
            } catch (IOException e) {
                if (preemption.preempted()) {
                    return done(preempted(url));
                }
                IoFailure failure = IoFailure.classify(e);
                return done(failed(failure.code(), failure.detail(), url));
            } finally {
                preemption.done();
            }
        }

        /** Resolves the host once per fetch and applies the address rule, then pins the answer. */
        private Optional<FetchOutcome.Failed> checkAddresses(LinkUrl url) {
            String host = url.host();
            List<InetAddress> addresses = resolved.get(host);
            if (addresses == null) {
                if (isIpLiteral(host)) {
                    try {
                        addresses = List.of(InetAddress.getByName(host));
                    } catch (UnknownHostException e) {
                        return Optional.of(
                                failed(FailureCode.INVALID_URL, "the IP address is invalid", url));
                    }
                } else {
                    switch (lookup.lookup(host, deadline)) {
                        case AddressLookup.Result.Found found -> addresses = found.addresses();
                        case AddressLookup.Result.Failed failure -> {
                            return Optional.of(failed(failure.code(), failure.detail(), url));
                        }
                    }
                }
                resolved.put(host, addresses);
            }
            Optional<String> refusal =
                    AddressCheck.refusal(host, url.port(), addresses, settings.urlPolicy());
            if (refusal.isPresent()) {
                return Optional.of(failed(FailureCode.BLOCKED_ADDRESS, refusal.get(), url));
            }
            pins.pin(host, url.port(), addresses);
            return Optional.empty();
        }

        /** Checks the head of a response: header size, redirect, status, content coding. */
        private Hop read(Call call, Response response, LinkUrl url) throws IOException {
            int status = response.code();
            long headerBytes = headerBytes(response.headers());
            if (headerBytes > FetchSettings.MAX_HEADER_BYTES) {
                call.cancel();
                return done(
                        failed(
                                FailureCode.HEADERS_TOO_LARGE,
                                "the response headers hold "
                                        + headerBytes
                                        + " bytes, more than "
                                        + FetchSettings.MAX_HEADER_BYTES,
                                url));
            }
            if (isRedirect(status)) {
                String location = response.header("Location");
                if (location != null) {
                    return new Hop.Next(location, status, Optional.empty());
                }
            }
            if (status < 200 || status > 299) {
                call.cancel();
                return done(
                        FetchOutcome.Failed.of(
                                        FailureCode.HTTP_STATUS,
                                        "the server answered with status " + status,
                                        OptionalInt.of(status),
                                        url,
                                        redirects,
                                        elapsedMillis())
                                .withRetryAfter(
                                        RetryAfter.parse(
                                                response.header("Retry-After"), Instant.now())));
            }
            Optional<ContentCoding> coding = ContentCoding.of(response.headers("Content-Encoding"));
            if (coding.isEmpty()) {
                call.cancel();
                return done(
                        failed(
                                FailureCode.UNSUPPORTED_ENCODING,
                                "the content encoding '"
                                        + printable(
                                                String.join(
                                                        ", ", response.headers("Content-Encoding")))
                                        + "' is not supported (gzip, deflate or none only)",
                                url));
            }
            return readBody(call, response, url, coding.get());
        }

        /** Sniffs the decoded body, then keeps it (a page) or only counts it (anything else). */
        private Hop readBody(Call call, Response response, LinkUrl url, ContentCoding coding)
                throws IOException {
            int status = response.code();
            String contentType = response.header("Content-Type");
            try (InputStream body = coding.decode(response.body().byteStream())) {
                byte[] prefix = new byte[ContentSniffer.SNIFF_BYTES];
                int prefixLength = body.readNBytes(prefix, 0, prefix.length);
                ContentSniffer.Verdict verdict =
                        ContentSniffer.judge(ContentType.parse(contentType), prefix, prefixLength);
                if (!verdict.html()) {
                    CappedBody counted =
                            CappedBody.count(body, prefixLength, settings.maxBodyBytes());
                    if (counted.truncated()) {
                        call.cancel();
                    }
                    return done(
                            new FetchOutcome.NotHtml(
                                    url,
                                    redirects,
                                    status,
                                    verdict.contentType(),
                                    counted.length(),
                                    counted.truncated(),
                                    elapsedMillis(),
                                    FileName.of(response.header("Content-Disposition"), url)));
                }
                CappedBody page =
                        CappedBody.read(body, prefix, prefixLength, settings.maxBodyBytes());
                if (page.truncated()) {
                    call.cancel();
                }
                long fetchMs = elapsedMillis();
                PageCharset.Decoded decoded = PageCharset.decode(page.bytes(), contentType);
                FetchOutcome.Page result =
                        new FetchOutcome.Page(
                                url,
                                redirects,
                                status,
                                verdict.contentType(),
                                page.length(),
                                page.truncated(),
                                fetchMs,
                                decoded.charset(),
                                decoded.text());
                Optional<String> refresh = MetaRefresh.target(decoded.text());
                if (refresh.isPresent()) {
                    return new Hop.Next(refresh.get(), status, Optional.of(result));
                }
                return done(result);
            }
        }

        private FetchOutcome.Failed failed(FailureCode code, String detail, LinkUrl url) {
            return FetchOutcome.Failed.of(
                    code, detail, OptionalInt.empty(), url, redirects, elapsedMillis());
        }

        private long remainingNanos() {
            return Duration.between(Instant.now(), deadline).toNanos();
        }

        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }

        void close() {
            pool.evictAll();
        }
    }

    private static Hop done(FetchOutcome outcome) {
        return new Hop.Done(outcome);
    }

    /** The failure code for a URL the rules refused (a new problem defaults to INVALID_URL). */
    static FailureCode codeOf(UrlProblem problem) {
        return switch (problem) {
            case BLOCKED_SCHEME -> FailureCode.BLOCKED_SCHEME;
            case BLOCKED_HOST -> FailureCode.BLOCKED_HOST;
            case BLOCKED_ADDRESS, NON_CANONICAL_ADDRESS -> FailureCode.BLOCKED_ADDRESS;
            case BLOCKED_PORT -> FailureCode.BLOCKED_PORT;
            default -> FailureCode.INVALID_URL;
        };
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The size of a header block as the cap counts it: every name plus every value. */
    static long headerBytes(Headers headers) {
        long total = 0;
        for (int i = 0; i < headers.size(); i++) {
            total += headers.name(i).length() + headers.value(i).length();
        }
        return total;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || DOTTED_QUAD.matcher(host).matches();
    }

    /** OkHttp may write an IP literal differently (IPv6 compression); compare addresses then. */
    private static boolean sameHost(String requested, String checked) {
        if (requested.equals(checked)) {
            return true;
        }
        if (!isIpLiteral(requested) || !isIpLiteral(checked)) {
            return false;
        }
        try {
            return InetAddress.getByName(requested).equals(InetAddress.getByName(checked));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
