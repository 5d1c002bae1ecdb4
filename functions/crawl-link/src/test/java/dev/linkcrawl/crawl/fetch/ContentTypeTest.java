package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

    @Test
    void readsMediaTypeAndCharset() {
        assertThat(ContentType.parse("Text/HTML; Charset=\"Shift_JIS\""))
                .contains(new ContentType("text/html", Optional.of("Shift_JIS")));
    }

    @Test
    void takesTheFirstNonEmptyCharset() {
        assertThat(ContentType.parse("text/html; charset=; charset=utf-8; charset=gbk"))
                .map(ContentType::charset)
                .contains(Optional.of("utf-8"));
    }

    @Test
    void readsTypeWithoutParameters() {
        assertThat(ContentType.parse(" application/xhtml+xml "))
                .contains(new ContentType("application/xhtml+xml", Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "html", "text/", "/html", "text/html/x", "text /html", "text/ht\"ml"})
    void refusesValuesWithoutTypeAndSubtype(String header) {
        assertThat(ContentType.parse(header)).isEmpty();
    }

    @Test
    void treatsMissingHeaderAsAbsent() {
        assertThat(ContentType.parse(null)).isEmpty();
    }

    @Test
    void knowsWhichTypesAreHtml() {
        assertThat(ContentType.parse("text/html").orElseThrow().isHtml()).isTrue();
        assertThat(ContentType.parse("application/xhtml+xml").orElseThrow().isHtml()).isTrue();
        assertThat(ContentType.parse("text/plain").orElseThrow().isHtml()).isFalse();
    }
}
