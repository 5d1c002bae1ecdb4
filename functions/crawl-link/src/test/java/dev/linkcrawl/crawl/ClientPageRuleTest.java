package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.index.LinkDocument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientPageRuleTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final LinkDocument SENT =
            crawled(300).source(LinkDocument.PageSource.CLIENT).pageSentAt(AT).build();

    @Test
    void aCrawlWithMoreWordsReplacesTheSentPage() {
        assertThat(ClientPageRule.replaces(crawled(301).build(), SENT)).isTrue();
    }

    @Test
    void aCrawlWithAsManyWordsOrFewerLeavesIt() {
        assertThat(ClientPageRule.replaces(crawled(300).build(), SENT)).isFalse();
        assertThat(ClientPageRule.replaces(crawled(12).build(), SENT)).isFalse();
    }

    @Test
    void aCrawlThatStillNeedsThePageLeavesItWhateverItsWords() {
        assertThat(ClientPageRule.replaces(crawled(5_000).needsPage(true).build(), SENT)).isFalse();
    }

    @Test
    void aFailureLeavesIt() {
        LinkDocument failed =
                LinkDocument.builder(
                                "alice", "https://example.com/", LinkDocument.Status.FAILED, AT)
                        .failure(new LinkDocument.Failure("timeout", null, true))
                        .build();

        assertThat(ClientPageRule.replaces(failed, SENT)).isFalse();
    }

    @Test
    void aPageWithoutTextCountsNoWords() {
        assertThat(ClientPageRule.replaces(crawled(1).build(), crawled(0).build())).isTrue();
        assertThat(ClientPageRule.words(crawled(0).wordCount(null).build())).isZero();
    }

    private static LinkDocument.Builder crawled(int words) {
        return LinkDocument.builder(
                        "alice", "https://example.com/", LinkDocument.Status.CRAWLED, AT)
                .wordCount(words);
    }
}
