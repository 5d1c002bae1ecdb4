package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.testing.ConnectionTrap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlLinkPrimingTest {

    @Test
    void theHandlerRegistersPrimingThatRunsWithoutTheNetwork() {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            // The index endpoint leads to the trap, which fails if reached; the fetcher's own
            // priming resolves to a public address it then refuses to dial.
            CrawlLinkHandler handler =
                    new CrawlLinkHandler(
                            Settings.from(
                                    Map.of(
                                            "OPENSEARCH_ENDPOINT",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_AUTH",
                                            "none")));
            SnapStartPriming priming = handler.priming().orElseThrow();

            assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        }
    }

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
