package dev.linkcrawl.crawl.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.link.LinkId;
import org.junit.jupiter.api.Test;

class CrawlEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LinkId ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");

    @Test
    void eachKindHasItsDetailType() {
        assertThat(CrawlEvent.Kind.CRAWLED.detailType()).isEqualTo("LinkCrawled");
        assertThat(CrawlEvent.Kind.FAILED.detailType()).isEqualTo("LinkFailed");
        assertThat(CrawlEvent.Kind.KEPT.detailType()).isEqualTo("LinkKept");
        assertThat(CrawlEvent.Kind.GONE.detailType()).isEqualTo("LinkGone");
    }

    @Test
    void theDetailNamesTheLinkItsOwnerStatusUrlAndTitle() throws Exception {
        CrawlEvent event =
                new CrawlEvent(
                        CrawlEvent.Kind.CRAWLED,
                        ID,
                        "alice",
                        "crawled",
                        "https://example.com/slow",
                        "Slow links",
                        null);

        JsonNode detail = JSON.readTree(event.detailJson());

        assertThat(detail.get("id").asText()).isEqualTo(ID.value());
        assertThat(detail.get("owner").asText()).isEqualTo("alice");
        assertThat(detail.get("status").asText()).isEqualTo("crawled");
        assertThat(detail.get("url").asText()).isEqualTo("https://example.com/slow");
        assertThat(detail.get("title").asText()).isEqualTo("Slow links");
        assertThat(detail.has("failureCode")).isFalse();
    }

    @Test
    void aFailedAttemptSaysWhyAndLeavesAnUnknownTitleOut() throws Exception {
        CrawlEvent event =
                new CrawlEvent(
                        CrawlEvent.Kind.FAILED,
                        ID,
                        "alice",
                        "failed",
                        "https://example.com/gone",
                        null,
                        "http_status");

        JsonNode detail = JSON.readTree(event.detailJson());

        assertThat(detail.get("failureCode").asText()).isEqualTo("http_status");
        assertThat(detail.has("title")).isFalse();
    }
}
