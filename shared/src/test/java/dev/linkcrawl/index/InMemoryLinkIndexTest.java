package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.testing.InMemoryLinkIndex;
import org.junit.jupiter.api.Test;

class InMemoryLinkIndexTest extends LinkIndexContract {

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();

    @Override
    LinkIndex index() {
        return index;
    }

    @Override
    void makeSearchable() {
        // Writes are visible at once.
    }

    @Test
    void failsEveryCallWithTheChosenReasonUntilReset() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        assertThatThrownBy(
                        () ->
                                index.put(
                                        SampleDocuments.randomId(),
                                        SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT)))
                .isInstanceOfSatisfying(
                        LinkIndexException.class, e -> assertThat(e.retryable()).isTrue());

        index.failWith(null);
        assertThat(index.get("alice", SampleDocuments.randomId())).isEmpty();
    }
}
