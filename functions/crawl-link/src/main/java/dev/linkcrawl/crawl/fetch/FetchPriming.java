package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;

/**
 * SnapStart priming of the fetcher, without a packet sent: a whole fetch through the real OkHttp
 * stack (URL rules, pinned lookup, address check, call setup) against a resolver that answers a
 * public address and a dial filter that refuses it, so the call fails where the socket would
 * connect; then what a response goes through (decoding gzip, sniffing, the body cap, charset
 * detection from the HTTP header, a {@code <meta>} and the byte statistics, meta refresh), on
 * bodies built here.
 */
public final class FetchPriming {

    private static final String HOST = "example.com";

    /** A documentation-free public address (never dialled: the dial filter refuses it). */
    private static final byte[] PUBLIC_ADDRESS = {93, (byte) 184, (byte) 215, 14};

    private FetchPriming() {}

    /** Runs the fetch paths once with {@code settings}. */
    public static void exercise(FetchSettings settings) {
        Objects.requireNonNull(settings, "settings");
        refusedFetch(settings, "https://" + HOST + "/articles/slow-links");
        refusedFetch(settings, "http://" + HOST + "/articles/slow-links");
        LinkUrl url = url("https://" + HOST + "/articles/slow-links");
        String page =
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Zürich</title>"
                        + "<meta http-equiv=\"refresh\" content=\"0; url=/articles/moved\">"
                        + "</head><body><p>Grüße aus Zürich — naïve café</p></body></html>";
        respond(settings, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        respond(settings, page.getBytes(StandardCharsets.UTF_8), "text/html");
        // No declaration anywhere: the detector decides.
        String plain = "<html><body><p>Grüße aus Zürich, naïve café, façade</p></body></html>";
        respond(settings, plain.getBytes(Charset.forName("windows-1252")), null);
        respond(
                settings,
                "<html><body><p>遅いリンクは速いキューに。日本語の本文です。</p></body></html>"
                        .getBytes(Charset.forName("Shift_JIS")),
                "text/html");
        respond(settings, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 1, 2}, null);
        FileName.of("attachment; filename=\"report.pdf\"", url);
        IoFailure.classify(new SocketTimeoutException("timeout"));
        RedirectTarget.resolve(url, "../moved?x=1#top");
    }

    private static void refusedFetch(FetchSettings settings, String raw) {
        HostResolver resolver =
                host -> List.of(InetAddress.getByAddress(host, PUBLIC_ADDRESS.clone()));
        OkHttpPageFetcher fetcher =
                new OkHttpPageFetcher(settings, resolver, new OkHttpClient(), address -> false);
        FetchOutcome outcome = fetcher.fetch(url(raw), Instant.now().plusSeconds(5));
        if (!(outcome instanceof FetchOutcome.Failed)) {
            throw new IllegalStateException("a refused dial must fail the fetch, not " + outcome);
        }
    }

    /** What {@code OkHttpPageFetcher} does with a gzip response body. */
    private static void respond(FetchSettings settings, byte[] body, String contentType) {
        try (InputStream in =
                ContentCoding.of(List.of("gzip"))
                        .orElseThrow()
                        .decode(new ByteArrayInputStream(gzip(body)))) {
            byte[] prefix = new byte[ContentSniffer.SNIFF_BYTES];
            int length = in.readNBytes(prefix, 0, prefix.length);
            ContentSniffer.Verdict verdict =
                    ContentSniffer.judge(ContentType.parse(contentType), prefix, length);
            if (!verdict.html()) {
                CappedBody.count(in, length, settings.maxBodyBytes());
                return;
            }
            CappedBody page = CappedBody.read(in, prefix, length, settings.maxBodyBytes());
            PageCharset.Decoded decoded = PageCharset.decode(page.bytes(), contentType);
            MetaRefresh.target(decoded.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static LinkUrl url(String raw) {
        if (LinkUrl.check(raw, UrlPolicy.DEFAULT) instanceof UrlCheck.Accepted accepted) {
            return accepted.url();
        }
        throw new IllegalStateException("a priming URL is refused: " + raw);
    }
}
