package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void detectsFrenchFromStopwords() {
        String text =
                "Le conseil municipal a adopté le budget mardi, après un long débat sur les écoles"
                        + " et les routes. Il est prévu que la bibliothèque ouvre de nouveau dans"
                        + " une semaine, mais ce n'est pas encore sûr pour les habitants.";

        assertThat(LanguageGuess.of(text)).contains("fr");
    }

    @Test
    void detectsJapaneseFromKana() {
        assertThat(LanguageGuess.of("東京都は火曜日に新しい予算を承認しました。図書館は来週から再開します。")).contains("ja");
    }

    @Test
    void staysSilentOnTooLittleText() {
        assertThat(LanguageGuess.of("Hello world")).isEmpty();
    }
}
