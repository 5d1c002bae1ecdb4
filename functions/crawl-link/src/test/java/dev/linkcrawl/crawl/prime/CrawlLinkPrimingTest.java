package dev.linkcrawl.crawl.prime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrawlLinkPrimingTest {

    @Test
    void theBundledPageIsAnArticleTheExtractorReads() {
        ExtractedPage page =
                new PageExtractor()
                        .extract(
                                new String(CrawlLinkPriming.bundledPage(), StandardCharsets.UTF_8),
                                "https://example.com/articles/slow-links");

        assertThat(page.title()).isEqualTo("Slow links, fast queues");
        assertThat(page.text()).contains("behind a queue");
    }
}
