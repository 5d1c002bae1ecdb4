package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random inputs built from the pieces that break URL parsers: {@link LinkUrl#check} must never
 * throw, and whatever it accepts must be a fixed point that java.net.URI reads. Seeded, so a
 * failure repeats.
 */
class UrlRulesRobustnessTest {

    private static final List<String> PIECES =
            List.of(
                    "http://",
                    "https://",
                    "HTTP://",
                    "//",
                    "/",
                    "\\",
                    ":",
                    "::",
                    "@",
                    "#",
                    "?",
                    "&",
                    "=",
                    "%",
                    "%2e",
                    "%2F",
                    "%41",
                    "%zz",
                    "%00",
                    "[",
                    "]",
                    ".",
                    "..",
                    "./",
                    "../",
                    "0x",
                    "0",
                    "00",
                    "7f",
                    "127",
                    "1",
                    "255",
                    "256",
                    "4294967296",
                    "example.com",
                    "example",
                    "localhost",
                    "xn--",
                    "ffff",
                    "fe80",
                    "%25eth0",
                    "utm_source",
                    "fbclid",
                    "é",
                    "ß",
                    "ｌ",
                    "。",
                    "．",
                    "１",
                    "😀",
                    "\u200B",
                    "\u00AD",
                    "\uD800",
                    "\uFFFF",
                    " ",
                    "\t",
                    "a",
                    "-",
                    "_",
                    "~",
                    "80",
                    "8080",
                    "65536",
                    ";",
                    "'",
                    "\"",
                    "<",
                    "{");

    private static final List<String> STARTS =
            List.of("http://", "https://", "http://[", "http://example.com", "HTTP://0x");

    @Test
    void neverThrowsAndAcceptsOnlyFixedPoints() {
        SplittableRandom random = new SplittableRandom(20261127L);
        int accepted = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder input = new StringBuilder();
            if (random.nextInt(4) > 0) {
                input.append(STARTS.get(random.nextInt(STARTS.size())));
            }
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                input.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String raw = input.toString();

            UrlCheck[] result = new UrlCheck[1];
            assertThatCode(() -> result[0] = LinkUrl.check(raw, UrlPolicy.DEFAULT))
                    .as(raw)
                    .doesNotThrowAnyException();
            if (result[0] instanceof UrlCheck.Accepted(LinkUrl url)) {
                accepted++;
                assertThat(LinkUrl.check(url.value(), UrlPolicy.DEFAULT))
                        .as(raw)
                        .isEqualTo(result[0]);
                // getRawAuthority, not getHost: java.net.URI (RFC 2396) has no host for names
                // with "_" or a label ending in "-", which the rules accept.
                assertThat(URI.create(url.value()).getRawAuthority()).as(raw).isNotNull();
                assertThat(url.value().length()).isLessThanOrEqualTo(LinkUrl.MAX_LENGTH);
            }
        }
        // The generator must reach the accepting paths too, or this test proves little.
        assertThat(accepted).isGreaterThan(1_000);
    }
}
