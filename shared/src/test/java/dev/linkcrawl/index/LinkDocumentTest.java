package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.index.LinkDocument.Failure;
import dev.linkcrawl.index.LinkDocument.Redirect;
import dev.linkcrawl.index.LinkDocument.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkDocumentTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    private static LinkDocument.Builder crawled() {
        return LinkDocument.builder("alice", "https://example.com/", Status.CRAWLED, NOW);
    }

    @Test
    void makesAbsentListsEmpty() {
        LinkDocument document = crawled().tags(null).build();

        assertThat(document.tags()).isEmpty();
        assertThat(document.redirects()).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfEveryList() {
        List<String> tags = new ArrayList<>(List.of("java"));
        LinkDocument document = crawled().tags(tags).build();

        tags.add("later");

        assertThat(document.tags()).containsExactly("java");
    }

    @Test
    void refusesANullInAList() {
        assertThatThrownBy(() -> crawled().keywords(Arrays.asList("a", null)).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("keywords");
    }

    @Test
    void refusesABlankOwner() {
        assertThatThrownBy(() -> crawled().owner(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void refusesACrawledDocumentWithoutCrawlTime() {
        assertThatThrownBy(() -> crawled().crawledAt(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crawledAt");
    }

    @Test
    void refusesAQueuedDocumentWithACrawlTime() {
        assertThatThrownBy(() -> crawled().status(LinkDocument.Status.QUEUED).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crawledAt");
    }

    @Test
    void takesAQueuedDocumentWithoutCrawlTime() {
        LinkDocument queued = crawled().status(LinkDocument.Status.QUEUED).crawledAt(null).build();

        assertThat(queued.crawledAt()).isNull();
    }

    @Test
    void refusesAFailedCrawlWithoutAFailure() {
        assertThatThrownBy(() -> crawled().status(Status.FAILED).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAFailureOnACrawledPage() {
        assertThatThrownBy(() -> crawled().failure(new Failure("timeout", null, true)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSentPageSaysWhenItWasSent() {
        assertThatThrownBy(() -> crawled().source(LinkDocument.PageSource.CLIENT).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crawled().pageSentAt(NOW).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(
                        crawled()
                                .source(LinkDocument.PageSource.CLIENT)
                                .pageSentAt(NOW)
                                .build()
                                .source())
                .isEqualTo(LinkDocument.PageSource.CLIENT);
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> crawled().bytes(-1L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void refusesAnExtractionConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> crawled().extractionConfidence(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extractionConfidence");
        assertThatThrownBy(() -> crawled().extractionConfidence(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAFailureCodeThatIsNotSnakeCase() {
        assertThatThrownBy(() -> new Failure("Blocked Address", null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesARedirectStatusOutsideHttp() {
        assertThatThrownBy(() -> new Redirect("https://example.com/", 42))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesAChangedCopyThroughToBuilder() {
        LinkDocument original = SampleDocuments.full("alice", NOW);

        LinkDocument retitled = original.toBuilder().title("Another title").build();

        assertThat(retitled.title()).isEqualTo("Another title");
        assertThat(retitled.toBuilder().title(original.title()).build()).isEqualTo(original);
    }
}
