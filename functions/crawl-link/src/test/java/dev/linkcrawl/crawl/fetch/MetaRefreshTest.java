package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaRefreshTest {

    static Stream<Arguments> shortRefreshes() {
        return Stream.of(
                arguments("0; url=https://example.com/a", "https://example.com/a"),
                arguments("0;URL=/next", "/next"),
                arguments("5, url = 'https://example.com/q?a=1'", "https://example.com/q?a=1"),
                arguments("3 https://example.com/b", "https://example.com/b"),
                arguments("1.5; url=\"/quoted path\"", "/quoted path"),
                arguments("0;url=/x?a=1&amp;b=2", "/x?a=1&b=2"),
                arguments("  2  ;  url=next.html  ", "next.html"),
                arguments("0; /no-url-keyword", "/no-url-keyword"));
    }

    @ParameterizedTest
    @MethodSource("shortRefreshes")
    void followsShortRefreshes(String content, String target) {
        String html =
                "<html><head><meta http-equiv=\"Refresh\" content=\""
                        + content.replace("\"", "&quot;")
                        + "\"></head></html>";

        assertThat(MetaRefresh.target(html)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6; url=/later",
                "300",
                "0",
                "0;",
                "; url=/x",
                "abc; url=/x",
                "99999999999; url=/x"
            })
    void ignoresLongDelaysAndRefreshesWithoutUrl(String content) {
        String html = "<meta http-equiv=refresh content='" + content + "'>";

        assertThat(MetaRefresh.target(html)).isEmpty();
    }

    @Test
    void ignoresRefreshInComments() {
        String html = "<!-- <meta http-equiv=refresh content='0;url=/x'> --><p>page</p>";

        assertThat(MetaRefresh.target(html)).isEmpty();
    }

    @Test
    void ignoresMetaTagsThatAreNotRefreshes() {
        String html = "<meta name=refresh content='0;url=/x'><meta property=og:url content=/y>";

        assertThat(MetaRefresh.target(html)).isEmpty();
    }

    @Test
    void ignoresRefreshBeyondTheScannedStart() {
        String html =
                "<p>"
                        + "x".repeat(MetaRefresh.SCAN_CHARS)
                        + "</p><meta http-equiv=refresh content='0;url=/x'>";

        assertThat(MetaRefresh.target(html)).isEmpty();
    }

    @Test
    void isNotFooledByGreaterThanInsideAnotherTagsAttribute() {
        String html =
                "<div title='a > <meta http-equiv=refresh content=\"0;url=/fake\">'></div>"
                        + "<meta http-equiv=refresh content='0;url=/real'>";

        assertThat(MetaRefresh.target(html)).contains("/real");
    }
}
