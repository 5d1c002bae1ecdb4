package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateReaderTest {

    private final PageExtractor extractor = new PageExtractor();

    private static final String BODY =
            "<article><h1>Budget</h1><p>The council approved the new budget on Tuesday, after a"
                    + " long debate about schools, roads and the library.</p></article>";

    /**
     * The published date of a news page ({@code og:type} article, as news sites mark theirs: a
     * one-paragraph page says too little of its type without it).
     */
    private Instant published(String head, String body, String url) {
        return extractor
                .extract(
                        "<html><head><meta property=og:type content=article>"
                                + head
                                + "</head><body>"
                                + body
                                + "</body></html>",
                        url)
                .publishedAt();
    }

    @Test
    void prefersArticlePublishedTimeToADateInTheAddress() {
        assertThat(
                        published(
                                "<meta property=article:published_time"
                                        + " content=2024-05-03T10:00:00Z>",
                                BODY,
                                "https://news.example/2023/01/02/budget"))
                .isEqualTo(Instant.parse("2024-05-03T10:00:00Z"));
    }

    @Test
    void readsDatePublishedFromJsonLd() {
        assertThat(
                        published(
                                "<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                                        + "\"headline\":\"Budget\","
                                        + "\"datePublished\":\"2024-06-01T08:30:00+02:00\"}"
                                        + "</script>",
                                BODY,
                                "https://news.example/budget"))
                .isEqualTo(Instant.parse("2024-06-01T06:30:00Z"));
    }

    @Test
    void readsATimeElementsDatetime() {
        assertThat(
                        published(
                                "",
                                "<article><time datetime=2022-11-09>9 Nov</time>"
                                        + BODY.substring("<article>".length()),
                                "https://news.example/budget"))
                .isEqualTo(Instant.parse("2022-11-09T00:00:00Z"));
    }

    @Test
    void fallsBackToADateInTheAddress() {
        assertThat(published("", BODY, "https://news.example/2016/05/26/budget"))
                .isEqualTo(Instant.parse("2016-05-26T00:00:00Z"));
    }

    @Test
    void readsNoPublishedDateOnAProductPage() throws java.io.IOException {
        String html;
        try (var in =
                DateReaderTest.class.getResourceAsStream(
                        "/dev/linkcrawl/crawl/extract/content/product-page.html")) {
            html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        html =
                html.replace(
                        "<meta property=\"og:type\" content=\"product\">",
                        "<meta property=\"og:type\" content=\"product\">"
                                + "<meta property=\"article:published_time\""
                                + " content=\"2024-05-03T10:00:00Z\">");

        ExtractedPage page = extractor.extract(html, "https://shop.example/packs/trailhead-30");

        assertThat(page.pageType()).isEqualTo(dev.linkcrawl.index.PageType.PRODUCT);
        assertThat(page.publishedAt()).isNull();
    }

    @Test
    void readsTheDateWrittenUnderTheTitleBeforeStructuredData() {
        String body =
                "<article><h1>Budget</h1><p class=byline>By Ann Lee</p><p>Updated March 3,"
                        + " 2024</p><p>The council approved the new budget on Tuesday, after a"
                        + " long debate about schools, roads and the library.</p></article>";
        String head =
                "<script type=application/ld+json>{\"@type\":\"Article\","
                        + "\"datePublished\":\"2019-01-01\"}</script>";

        assertThat(published(head, body, "https://news.example/budget"))
                .isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
    }

    @Test
    void readsADatelineAboveTheTitle() {
        String body =
                "<article><p>May 9, 2023</p><h1>Budget</h1><p>The council approved the new"
                        + " budget on Tuesday, after a long debate about schools and roads.</p>"
                        + "</article>";

        assertThat(published("", body, "https://news.example/budget"))
                .isEqualTo(Instant.parse("2023-05-09T00:00:00Z"));
    }

    @Test
    void ignoresADateFarBelowTheTitle() {
        String body =
                "<article><h1>Budget</h1><p>"
                        + "The council approved the new budget on Tuesday. ".repeat(20)
                        + "</p><p>June 1, 2020</p></article>";

        assertThat(published("", body, "https://news.example/budget")).isNull();
    }

    @Test
    void keepsThePublishedDayInThePagesOwnTimeZone() {
        ExtractedPage page =
                extractor.extract(
                        "<html><head><meta property=article:published_time"
                                + " content=2020-04-12T18:00:00-07:00></head><body>"
                                + BODY
                                + "</body></html>",
                        "https://news.example/budget");

        assertThat(page.publishedDate()).isEqualTo(java.time.LocalDate.parse("2020-04-12"));
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-04-13T01:00:00Z"));
    }

    @Test
    void findsNoDateWhereThePageHasNone() {
        assertThat(published("", BODY, "https://news.example/budget")).isNull();
    }
}
