package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.index.PageType;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BoilerplatePruningTest {

    private static List<String> keptOf(String body) {
        return keptOf(body, PageType.OTHER);
    }

    private static List<String> keptOf(String body, PageType type) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "https://a.example/");
        BlockTable table =
                BlockTable.of(
                        doc.body(), new PageHints("https://a.example/", null, Set.of(), null));
        table.setType(type);
        List<Integer> all = IntStream.range(0, table.size()).boxed().toList();
        return BoilerplatePruning.prune(table, all).stream().map(table::text).toList();
    }

    @Test
    void dropsTheLabelOfAShareBar() {
        assertThat(
                        keptOf(
                                "<p>Some text of the article itself.</p>"
                                        + "<div class=sharedaddy><h3>Like this:</h3></div>"))
                .containsExactly("Some text of the article itself.");
    }

    @Test
    void dropsTheButtonOfACookieNotice() {
        assertThat(
                        keptOf(
                                "<p>Some text of the article itself.</p>"
                                        + "<div id=cookie-banner><p>Accept all</p></div>"))
                .containsExactly("Some text of the article itself.");
    }

    @Test
    void keepsProseInsideABoxNamedForSharing() {
        String prose =
                "Sharing a link should never make the person who saved it wait for the page.";

        assertThat(keptOf("<div class=share-story><p>" + prose + "</p></div>"))
                .containsExactly(prose);
    }

    @Test
    void keepsShortBlocksOutsideSuchBoxes() {
        assertThat(keptOf("<h2>Specifications</h2><p>30 litres</p>"))
                .containsExactly("Specifications", "30 litres");
    }

    @Test
    void dropsMicrodataValuesWrittenOutForCrawlers() {
        assertThat(
                        keptOf(
                                "<p>Some text of the article itself.</p>"
                                        + "<div itemprop=datePublished>2019-11-19T08:57:40+01:00</div>"
                                        + "<div itemprop=url>https://img.example/a-500-250.jpg</div>"))
                .containsExactly("Some text of the article itself.");
    }

    @Test
    void keepsADateOrAnAddressWithinProse() {
        assertThat(keptOf("<p>Published 2019-11-19T08:57 at https://a.example/</p>"))
                .containsExactly("Published 2019-11-19T08:57 at https://a.example/");
    }

    private static final String ARTICLE_WITH_A_COMMENT =
            "<p>Some text of the article itself.</p>"
                    + "<ol class=comment-list><li><div class=comment-body><p>"
                    + "A reader's long comment on the article, which is not the article."
                    + "</p></div></li></ol>";

    @Test
    void dropsReadersCommentsOnAnArticle() {
        assertThat(keptOf(ARTICLE_WITH_A_COMMENT, PageType.ARTICLE))
                .containsExactly("Some text of the article itself.");
    }

    @Test
    void keepsPostsNamedAsCommentsOnAForum() {
        assertThat(keptOf(ARTICLE_WITH_A_COMMENT, PageType.FORUM))
                .containsExactly(
                        "Some text of the article itself.",
                        "A reader's long comment on the article, which is not the article.");
    }
}
