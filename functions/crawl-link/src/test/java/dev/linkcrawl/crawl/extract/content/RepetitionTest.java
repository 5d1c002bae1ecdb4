package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    /** What Repetition finds around the block that {@code owner} holds. */
    private static int aroundBlockOf(Element owner) {
        Blocks.Page page = Blocks.of(owner.ownerDocument().body());
        int[] around = Repetition.ofBlocks(page);
        for (int i = 0; i < around.length; i++) {
            if (page.blocks().get(i).owner() == owner) {
                return around[i];
            }
        }
        throw new AssertionError("no block of " + owner);
    }

    @Test
    void countsSiblingsThatLookAlike() {
        Element body =
                Jsoup.parse(
                                "<div class=grid><div class=card><p id=a>One</p></div>"
                                        + "<div class=card><p>Two</p></div>"
                                        + "<div class=card><p>Three</p></div>"
                                        + "<div class=promo><p>Ad</p></div></div>")
                        .body();

        assertThat(aroundBlockOf(body.getElementById("a"))).isEqualTo(3);
    }

    @Test
    void tellsSiblingsApartByTheirClasses() {
        Element body =
                Jsoup.parse(
                                "<section><div class=intro id=a>Hello</div>"
                                        + "<div class=card>One</div><div class=card>Two</div>"
                                        + "</section>")
                        .body();

        assertThat(aroundBlockOf(body.getElementById("a"))).isEqualTo(1);
    }

    @Test
    void looksNoHigherThanThreeAncestors() {
        Element body =
                Jsoup.parse(
                                "<ul><li><div><div><div><p id=a>deep</p></div></div></div></li>"
                                        + "<li>b</li><li>c</li></ul>")
                        .body();

        // the repeated <li> is four levels above the paragraph
        assertThat(aroundBlockOf(body.getElementById("a"))).isEqualTo(1);
    }
}
