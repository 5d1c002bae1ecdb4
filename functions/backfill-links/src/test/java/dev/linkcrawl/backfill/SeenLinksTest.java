package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import org.junit.jupiter.api.Test;

class SeenLinksTest {

    @Test
    void remembersEveryIdAcrossGrowth() {
        SeenLinks seen = new SeenLinks();

        for (int i = 0; i < 50_000; i++) {
            assertThat(seen.add(id(i))).isTrue();
        }
        for (int i = 0; i < 50_000; i += 997) {
            assertThat(seen.add(id(i))).as("id %d again", i).isFalse();
        }
        assertThat(seen.size()).isEqualTo(50_000);
    }

    @Test
    void idsThatShareTheirFirstHalfAreStillDistinct() {
        SeenLinks seen = new SeenLinks();

        assertThat(seen.add(new LinkId("0123456789abcdef0000000000000001"))).isTrue();
        assertThat(seen.add(new LinkId("0123456789abcdef0000000000000002"))).isTrue();
        assertThat(seen.add(new LinkId("00000000000000000000000000000000"))).isTrue();
        assertThat(seen.add(new LinkId("00000000000000000000000000000000"))).isFalse();
    }

    private static LinkId id(int i) {
        LinkUrl url =
                ((UrlCheck.Accepted) LinkUrl.check("https://example.com/" + i, UrlPolicy.DEFAULT))
                        .url();
        return LinkId.of("owner", url);
    }
}
