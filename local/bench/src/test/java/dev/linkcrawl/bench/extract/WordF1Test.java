package dev.linkcrawl.bench.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordF1Test {

    @Test
    void splitsLowerCasedTextAtEverythingButLettersNumbersAndUnderscores() {
        assertEquals(
                List.of("don", "t", "snake_case", "x²", "café", "42"),
                WordF1.tokens("Don't snake_case X² Café—42!"));
    }

    @Test
    void treatsCombiningMarksAsSeparatorsAsPythonDoes() {
        // "e" + U+0301 COMBINING ACUTE ACCENT: Python's \w stops at the mark
        assertEquals(List.of("e", "t"), WordF1.tokens("e\u0301t"));
    }

    @Test
    void countsRepeatedWordsOnlyAsOftenAsTheReferenceHasThem() {
        WordF1.Score s = WordF1.score("the the the cat", "the cat sat");
        assertEquals(0.5, s.precision(), 1e-9);
        assertEquals(2.0 / 3, s.recall(), 1e-9);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), s.f1(), 1e-9);
    }

    @Test
    void scoresAnEmptyReferenceOneOnlyAgainstAnEmptyPrediction() {
        assertEquals(1.0, WordF1.score("", "").f1());
        assertEquals(0.0, WordF1.score("words", "").f1());
        assertEquals(0.0, WordF1.score("", "words").f1());
    }

    @Test
    void findsSnippetsIgnoringCase() {
        assertEquals(0.5, WordF1.snippetRate("Hello World", List.of("hello w", "absent")));
        assertEquals(1.0, WordF1.snippetRate("anything", List.of()));
    }
}
