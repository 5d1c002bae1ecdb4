package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.index.PageType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainContentTest {

    private static final String URL = "https://www.example.com/questions/42/slow-links";

    private static MainContent.Result mainContentOf(String fixture) throws IOException {
        try (InputStream in = MainContentTest.class.getResourceAsStream(fixture)) {
            Document doc = Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), URL);
            return MainContent.of(doc.body(), PageExtractor.hints(doc, URL));
        }
    }

    @Test
    void keepsEveryAnswerOfAQaPage() throws IOException {
        String text = mainContentOf("qa-page.html").text();

        assertThat(text)
                .contains("My web process fetches every link")
                .contains("Take the fetch out of the request entirely")
                .contains("give the fetch one total deadline")
                .contains("a serverless function per crawl");
    }

    @Test
    void dropsNavigationRelatedRailAndFooterOfAQaPage() throws IOException {
        String text = mainContentOf("qa-page.html").text();

        assertThat(text)
                .doesNotContain("Tags")
                .doesNotContain("Why is my thread pool exhausted?")
                .doesNotContain("Privacy");
    }

    @Test
    void recognisesAProductPage() throws IOException {
        assertThat(mainContentOf("product-page.html").type()).isEqualTo(PageType.PRODUCT);
    }

    @Test
    void keepsAProductsDescriptionWithoutOtherProducts() throws IOException {
        String text = mainContentOf("product-page.html").text();

        assertThat(text)
                .contains("lightweight daypack")
                .contains("recycled ripstop nylon")
                .doesNotContain("Summit 45 Pack")
                .doesNotContain("Free shipping");
    }

    @Test
    void judgesAPageWithClearContentConfident() throws IOException {
        assertThat(mainContentOf("product-page.html").confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void findsNoContentWithoutABody() {
        MainContent.Result none =
                MainContent.of(null, new PageHints(URL, null, java.util.Set.of(), null));

        assertThat(none.text()).isEmpty();
        assertThat(none.type()).isEqualTo(PageType.OTHER);
        assertThat(none.confidence()).isZero();
    }

    @Test
    void callsAnEmptyBodyOther() {
        Document doc = Jsoup.parse("<html><body></body></html>", URL);

        MainContent.Result none = MainContent.of(doc.body(), PageExtractor.hints(doc, URL));

        assertThat(none.type()).isEqualTo(PageType.OTHER);
        assertThat(none.text()).isEmpty();
    }
}
