package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenientJsonTest {

    @Test
    void acceptsTrailingCommasCommentsAndRawNewlines() {
        Object v =
                LenientJson.parse("<!-- {\"a\": \"line\nbreak\", // note\n \"b\": [1, 2,],} -->")
                        .orElseThrow();

        assertThat(v).isEqualTo(Map.of("a", "line\nbreak", "b", List.of(1.0, 2.0)));
    }

    @Test
    void decodesUnicodeEscapes() {
        assertThat(LenientJson.parse("\"caf\\u00e9\"")).contains("café");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep =
                "[".repeat(LenientJson.MAX_DEPTH + 10) + "]".repeat(LenientJson.MAX_DEPTH + 10);

        assertThat(LenientJson.parse(deep)).isEmpty();
    }

    @Test
    void returnsEmptyForUnterminatedString() {
        assertThat(LenientJson.parse("{\"a\": \"never closed}")).isEmpty();
    }
}
