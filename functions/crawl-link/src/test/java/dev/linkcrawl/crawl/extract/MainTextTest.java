package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "comments",
                "post comment-list",
                "comments-area",
                "div-comment-42",
                "share-tools wide",
                "newsletter_signup",
                "taboola-below-article",
                "sharedaddy sd-sharing-enabled",
                "x\tcookie-banner"
            })
    void alwaysDropsCommentConsentShareAndWidgetNames(String names) {
        assertThat(MainText.alwaysNegative(names)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "shared-content",
                "comment-count-link",
                "article-share",
                "socialite",
                "div-comment-",
                "post-body"
            })
    void keepsNamesThatOnlyResembleThem(String names) {
        assertThat(MainText.alwaysNegative(names)).isFalse();
    }
}
