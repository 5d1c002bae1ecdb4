package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a save leaves behind: a message on the queue, and the link shown as queued. */
class SubmitLinkTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final InMemoryCrawlQueue queue = new InMemoryCrawlQueue();
    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
    private final SubmitLink submitLink =
            new SubmitLink(
                    queue, UrlPolicy.DEFAULT, clock, DailyLinks.UNLIMITED, Optional.of(index));

    private SubmitLink.Outcome.Queued save(String url) {
        return (SubmitLink.Outcome.Queued)
                submitLink.submit(
                        "alice", new SubmitRequest(url, List.of("later"), "from the phone"));
    }

    @Test
    void showsTheSavedLinkAsQueuedToItsOwner() {
        SubmitLink.Outcome.Queued queued = save("https://example.com/a");

        LinkDocument shown = index.get("alice", queued.id()).orElseThrow();
        assertThat(shown.status()).isEqualTo(LinkDocument.Status.QUEUED);
        assertThat(shown.url()).isEqualTo("https://example.com/a");
        assertThat(shown.submittedAt()).isEqualTo(NOW);
        assertThat(shown.tags()).containsExactly("later");
        assertThat(shown.note()).isEqualTo("from the phone");
        assertThat(queued.unlisted()).isEmpty();
    }

    @Test
    void showsNothingWhenTheQueueRefusedTheLink() {
        queue.unavailable = true;

        SubmitLink.Outcome outcome =
                submitLink.submit(
                        "alice", new SubmitRequest("https://example.com/a", List.of(), null));

        assertThat(outcome).isInstanceOf(SubmitLink.Outcome.QueueUnavailable.class);
        assertThat(index.documents()).isEmpty();
    }

    @Test
    void savesTheLinkWhenTheIndexIsDownAndSaysItIsNotShown() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        SubmitLink.Outcome.Queued queued = save("https://example.com/a");

        assertThat(queue.sent).extracting(m -> m.id()).containsExactly(queued.id());
        assertThat(queued.unlisted()).hasValueSatisfying(why -> assertThat(why).contains("fail"));
    }

    @Test
    void doesNotAskAnIndexThatJustFailedAgainForTenSeconds() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);
        save("https://example.com/a");
        index.failWith(null);

        now.set(NOW.plusSeconds(9));
        SubmitLink.Outcome.Queued paused = save("https://example.com/b");
        now.set(NOW.plusSeconds(10));
        SubmitLink.Outcome.Queued asked = save("https://example.com/c");

        assertThat(paused.unlisted())
                .hasValueSatisfying(why -> assertThat(why).contains("not asked"));
        assertThat(index.documents()).containsOnlyKeys(asked.id());
        assertThat(queue.sent).hasSize(3);
    }
}
