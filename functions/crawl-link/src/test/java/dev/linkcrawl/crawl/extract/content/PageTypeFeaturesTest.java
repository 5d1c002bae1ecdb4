package dev.linkcrawl.crawl.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTypeFeaturesTest {

    @Test
    void countsTheWordsOfAnArticlesAddress() {
        assertThat(PageTypeFeatures.Address.of("https://a.example/blog/how-to-design-a-room.html"))
                .extracting(PageTypeFeatures.Address::slugWords)
                .isEqualTo(5);
    }

    @Test
    void countsOneWordForAShopsSection() {
        assertThat(PageTypeFeatures.Address.of("https://shop.example/tumblers/"))
                .extracting(PageTypeFeatures.Address::slugWords)
                .isEqualTo(1);
    }

    @Test
    void countsNoWordsOfAHomePage() {
        assertThat(PageTypeFeatures.Address.of("https://a.example/").slugWords()).isZero();
    }
}
