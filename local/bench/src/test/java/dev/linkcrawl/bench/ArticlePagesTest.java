package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticlePagesTest {

    private final ArticlePages pages = new ArticlePages();

    @Test
    void eachPathIsItsOwnArticleNamingThePath() {
        String page = pages.page("/bench-c4/17");

        assertThat(page)
                .contains("<title>")
                .contains("(/bench-c4/17) | The Loopback Review</title>");
        assertThat(page).isEqualTo(pages.page("/bench-c4/17"));
    }

    @Test
    void pathsSpreadOverSeveralDistinctArticlesOfRealisticSize() {
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            bodies.add(pages.page("/p/" + i).replace("/p/" + i, ""));
        }

        assertThat(bodies).hasSize(ArticlePages.VARIANTS);
        assertThat(bodies).allSatisfy(body -> assertThat(body.length()).isBetween(8_000, 24_000));
    }

    @Test
    void thePathIsEscapedInTheHtml() {
        assertThat(pages.page("/a<b>&c")).contains("/a&lt;b&gt;&amp;c").doesNotContain("/a<b>");
    }
}
