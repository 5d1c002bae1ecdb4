package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"time", "post-timestamp", "sc-episode-details-time", "time meta"})
    void recognisesNamesWithATimePart(String names) {
        assertThat(PageSignals.namesTime(names)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeline", "runtime", "readtime", "sometimes"})
    void ignoresNamesThatOnlyContainTime(String names) {
        assertThat(PageSignals.namesTime(names)).isFalse();
    }

    @Test
    void splitsSpaceSeparatedWordsWithoutEmptyOnes() {
        assertThat(PageSignals.words("  og:title\ttwitter:title \n"))
                .containsExactly("og:title", "twitter:title");
    }
}
