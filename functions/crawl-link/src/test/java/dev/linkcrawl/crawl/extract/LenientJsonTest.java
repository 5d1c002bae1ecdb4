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

    @Test
    void readsSeveralTopLevelValuesAsAList() {
        assertThat(LenientJson.parse("<![CDATA[{\"a\": 1};\n{\"b\": 2}]]>"))
                .contains(List.of(Map.of("a", 1.0), Map.of("b", 2.0)));
    }

    @Test
    void keepsTheFirstOfRepeatedKeys() {
        assertThat(LenientJson.parse("{\"image\": \"first.jpg\", \"image\": \"second.jpg\"}"))
                .contains(Map.of("image", "first.jpg"));
    }

    @Test
    void keepsWhatABlockCutShortHeld() {
        assertThat(LenientJson.parse("{\"a\": [1, {\"b\": 2"))
                .contains(Map.of("a", List.of(1.0, Map.of("b", 2.0))));
    }

    @Test
    void readsOnPastAMissingCommaBetweenMembers() {
        assertThat(
                        LenientJson.parse(
                                "{\"@context\": \"https://schema.org\"\n \"@type\": \"Article\"}"))
                .contains(Map.of("@context", "https://schema.org", "@type", "Article"));
    }

    @Test
    void readsOnPastDoubledCommas() {
        assertThat(LenientJson.parse("{\"a\": 1,, \"b\": [1,, 2]}"))
                .contains(Map.of("a", 1.0, "b", List.of(1.0, 2.0)));
    }

    @Test
    void readsUndefinedAsNullAndABareWordAsText() {
        assertThat(LenientJson.parse("{\"price\": undefined, \"currency\": EUR}"))
                .contains(Map.of("price", LenientJson.NULL, "currency", "EUR"));
    }
}
