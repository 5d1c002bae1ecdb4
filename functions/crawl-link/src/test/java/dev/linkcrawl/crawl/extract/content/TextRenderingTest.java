package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TextRenderingTest {

    private static BlockTable tableOf(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "https://a.example/");
        return BlockTable.of(doc.body(), new PageHints("https://a.example/", null, Set.of(), null));
    }

    @Test
    void separatesKeptBlocksWithABlankLine() {
        BlockTable table = tableOf("<h1>Title</h1><p>First paragraph.</p><p>Second one.</p>");

        assertThat(TextRendering.render(table, List.of(0, 1, 2)))
                .isEqualTo("Title\n\nFirst paragraph.\n\nSecond one.");
    }

    @Test
    void rendersOnlyTheKeptBlocks() {
        BlockTable table = tableOf("<h1>Title</h1><p>First paragraph.</p><p>Second one.</p>");

        assertThat(TextRendering.render(table, List.of(2))).isEqualTo("Second one.");
    }
}
