package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTypeTest {

    @Test
    void readsEachTypeFromItsLabel() {
        for (PageType type : PageType.values()) {
            assertThat(PageType.ofLabel(type.label())).contains(type);
        }
    }

    @Test
    void knowsNoOtherWord() {
        assertThat(PageType.ofLabel("blog")).isEmpty();
        assertThat(PageType.ofLabel("Forum")).isEmpty();
    }

    @Test
    void isStoredAsItsLabel() {
        LinkDocumentCodec codec = new LinkDocumentCodec();
        LinkDocument document =
                SampleDocuments.page(
                                "alice", "t", "x", java.util.List.of(), SampleDocuments.CRAWLED_AT)
                        .toBuilder()
                        .pageType(PageType.DOCUMENTATION)
                        .build();

        assertThat(codec.toTree(document).path("pageType").asText()).isEqualTo("documentation");
    }
}
