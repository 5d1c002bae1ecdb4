package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameWordsTest {

    @ParameterizedTest
    @CsvSource({
        "comments, comment",
        "post comment-list, comment",
        "share-tools wide, share",
        "sharedaddy sd-sharing-enabled, share",
        "newsletter_signup, subscribe",
        "cookieBanner, cookie",
        "site-footer, footer"
    })
    void readsTheKindAClassNameSays(String names, String kind) {
        assertThat(NameWords.kinds(names) & NameWords.bit(kind)).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has-comments", "no-sidebar", "is-hidden", "with-share"})
    void skipsTokensThatStateWhatAnElementHas(String names) {
        assertThat(NameWords.kinds(names)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"socialite", "shareholder-report", "commentary"})
    void ignoresWordsThatOnlyResembleAKind(String names) {
        assertThat(NameWords.kinds(names)).isZero();
    }
}
