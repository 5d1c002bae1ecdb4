package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.Challenge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnreadablePageTest {

    private static final String ARTICLE =
            "<html><body><article><p>Words of its own.</p></article></body></html>";

    @ParameterizedTest
    @EnumSource(value = Challenge.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void anInterstitialNeedsThePage(Challenge challenge) {
        assertThat(UnreadablePage.needsPage(challenge, 0, "<html></html>")).isTrue();
    }

    @Test
    void aScriptShellWithoutContentNeedsThePage() {
        String shell =
                "<html><body><div id=\"root\"></div>"
                        + "<script src=\"/static/js/main.js\"></script></body></html>";

        assertThat(UnreadablePage.needsPage(Challenge.NONE, 0, shell)).isTrue();
    }

    @Test
    void aPageThatDeclaresItIsNotFreeNeedsThePage() {
        String paywalled =
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + "\"isAccessibleForFree\": false}</script>"
                        + ARTICLE;

        assertThat(UnreadablePage.needsPage(Challenge.NONE, 250, paywalled)).isTrue();
    }

    @Test
    void aLockedContentTierNeedsThePage() {
        String locked = "<meta property=\"article:content_tier\" content=\"locked\">" + ARTICLE;

        assertThat(UnreadablePage.needsPage(Challenge.NONE, 250, locked)).isTrue();
    }

    @Test
    void aPageWithItsOwnWordsIsRead() {
        assertThat(UnreadablePage.needsPage(Challenge.NONE, 250, ARTICLE)).isFalse();
    }

    @Test
    void aFreeArticleIsRead() {
        String free = "<script>{\"isAccessibleForFree\": true}</script>" + ARTICLE;

        assertThat(UnreadablePage.needsPage(Challenge.NONE, 250, free)).isFalse();
    }

    @Test
    void aShortPageWithoutScriptsIsRead() {
        assertThat(UnreadablePage.needsPage(Challenge.NONE, 4, ARTICLE)).isFalse();
    }
}
