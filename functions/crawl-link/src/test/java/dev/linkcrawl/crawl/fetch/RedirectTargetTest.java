package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {

    private static final LinkUrl BASE =
            ((UrlCheck.Accepted) LinkUrl.check("https://example.com/a/b?x=1", UrlPolicy.DEFAULT))
                    .url();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://other.example/p | https://other.example/p",
                "/root | https://example.com/root",
                "c | https://example.com/a/c",
                "../up | https://example.com/up",
                "?y=2 | https://example.com/a/b?y=2",
                "//cdn.example/x | https://cdn.example/x",
                "'  /trimmed  ' | https://example.com/trimmed",
                "/with space/é | https://example.com/with%20space/%C3%A9",
                "/100% | https://example.com/100%25",
                "/a b[c] | https://example.com/a%20b%5Bc%5D",
                "/ok%20already | https://example.com/ok%20already",
                "file:///etc/passwd | file:///etc/passwd",
                "javascript:alert(1) | javascript:alert(1)",
                "http://exämple.com/ä | http://exämple.com/%C3%A4",
            })
    void resolvesAgainstTheAnsweringUrl(String location, String expected) {
        assertThat(RedirectTarget.resolve(BASE, location)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ":no-scheme"})
    void reportsWhatCannotBeParsed(String location) {
        assertThat(RedirectTarget.resolve(BASE, location)).isEmpty();
    }
}
