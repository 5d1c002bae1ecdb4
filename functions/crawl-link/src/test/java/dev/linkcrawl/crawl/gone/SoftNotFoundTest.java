package dev.linkcrawl.crawl.gone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftNotFoundTest {

    private static final String POST = "https://blog.example/2024/queues";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "404",
                "Page not found | Example",
                "Error 404 - Example Blog",
                "Oops! That page can’t be found. Not Found",
                "Seite nicht gefunden",
                "Page introuvable"
            })
    void aShortPageWhoseTitleSaysNotFoundIsASoft404(String title) {
        assertThat(SoftNotFound.matches(POST, POST, title, "Try the search.", 3)).isTrue();
    }

    @Test
    void aShortPageWhoseTextSaysNotFoundIsASoft404() {
        assertThat(
                        SoftNotFound.matches(
                                POST,
                                POST,
                                "Example Blog",
                                "Sorry, the page you are looking for has moved or never existed.",
                                12))
                .isTrue();
    }

    @Test
    void aLongArticleAbout404ErrorsIsNotASoft404() {
        assertThat(
                        SoftNotFound.matches(
                                POST,
                                POST,
                                "How to fix 404 errors",
                                "Page not found errors happen. " + "word ".repeat(300),
                                305))
                .isFalse();
    }

    @Test
    void aDeepLinkRedirectedToTheHomePageIsASoft404() {
        assertThat(
                        SoftNotFound.matches(
                                POST, "https://www.blog.example/", "Example Blog", "Latest", 1))
                .isTrue();
    }

    @Test
    void aHomePagesOwnNameRedirectedToTheRootIsNotASoft404() {
        assertThat(
                        SoftNotFound.redirectedHome(
                                "https://blog.example/index.html", "https://blog.example/"))
                .isFalse();
    }

    @Test
    void aShortLinkToAnotherHostsHomePageIsNotASoft404() {
        assertThat(SoftNotFound.redirectedHome("https://sho.rt/abc", "https://blog.example/"))
                .isFalse();
    }

    @Test
    void aShortOrdinaryPageIsNotASoft404() {
        assertThat(SoftNotFound.matches(POST, POST, "Queues", "Queues are useful.", 3)).isFalse();
    }
}
