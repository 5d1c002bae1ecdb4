package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.link.LinkId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkQueryTest {

    private static final LinkId ID = new LinkId("0123456789abcdef0123456789abcdef");

    @Test
    void listsTwentyNewestLinksByDefault() {
        LinkQuery query = LinkQuery.newest("alice");

        assertThat(query.size()).isEqualTo(20);
        assertThat(query.text()).isEmpty();
        assertThat(query.tags()).isEmpty();
        assertThat(query.status()).isEmpty();
        assertThat(query.after()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesASizeOutsideOneToAHundred(int size) {
        assertThatThrownBy(() -> LinkQuery.newest("alice").withSize(size))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTextOfExactlyTheMaximumLength() {
        String text = "x".repeat(LinkQuery.MAX_TEXT_LENGTH);

        assertThat(LinkQuery.newest("alice").withText(text).text()).contains(text);
    }

    @Test
    void refusesTextOneCharacterTooLong() {
        assertThatThrownBy(
                        () ->
                                LinkQuery.newest("alice")
                                        .withText("x".repeat(LinkQuery.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuresTextLengthInCodePoints() {
        String emoji = "\uD83D\uDE00".repeat(LinkQuery.MAX_TEXT_LENGTH);

        assertThat(LinkQuery.newest("alice").withText(emoji).text()).isPresent();
    }

    @Test
    void refusesBlankText() {
        assertThatThrownBy(() -> LinkQuery.newest("alice").withText("  "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABlankOwner() {
        assertThatThrownBy(() -> LinkQuery.newest(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMoreTagsThanALinkCanCarry() {
        List<String> tags = Collections.nCopies(LinkQuery.MAX_TAGS + 1, "t");

        assertThatThrownBy(() -> LinkQuery.newest("alice").withTags(tags))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABlankTag() {
        assertThatThrownBy(() -> LinkQuery.newest("alice").withTags(List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesARelevanceKeyForAListing() {
        assertThatThrownBy(() -> LinkQuery.newest("alice").after(new SortKey.Relevance(1f, ID)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANewestKeyForASearch() {
        assertThatThrownBy(
                        () ->
                                LinkQuery.newest("alice")
                                        .withText("queue")
                                        .after(new SortKey.Newest(1L, ID)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void continuesASearchAfterARelevanceKey() {
        LinkQuery query =
                LinkQuery.newest("alice").withText("queue").after(new SortKey.Relevance(2.5f, ID));

        assertThat(query.after()).contains(new SortKey.Relevance(2.5f, ID));
    }

    @Test
    void keepsOnlyTheFirstSixtyFourWordsOfTheText() {
        String words = "word ".repeat(LinkQuery.MAX_WORDS).strip();

        LinkQuery query = LinkQuery.newest("alice").withText(words + " extra words");

        assertThat(query.text()).contains(words);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "one two three four | one two three",
                "e-mail me now | e-mail me",
                "title:foo AND ( bar | title:foo AND (",
                "中文字句 | 中文字",
                "😀😁😂😃 | 😀😁😂",
                "a + b c | a + b",
                "\"slow links\" queue more | \"slow links\" queue",
                "leading   spaces  here x | leading   spaces  here"
            })
    void countsWordsAsGenerouslyAsTheAnalyzers(String text, String firstThree) {
        assertThat(LinkQuery.firstWords(text, 3)).isEqualTo(firstThree);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\" ( ) \\", "-- ?"})
    void findsNoWordInPunctuation(String text) {
        assertThat(LinkQuery.hasWords(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "*x", "中", "😀", "+"})
    void findsAWordInLettersIdeographsAndSymbols(String text) {
        assertThat(LinkQuery.hasWords(text)).isTrue();
    }

    @Test
    void keepsTextWithFewerWordsWhole() {
        assertThat(LinkQuery.firstWords("only two", 3)).isEqualTo("only two");
    }

    @Test
    void refusesANegativeCrawlTimeOrANonFiniteScore() {
        assertThatThrownBy(() -> new SortKey.Newest(-1, ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SortKey.Relevance(Float.NaN, ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SortKey.Relevance(Float.POSITIVE_INFINITY, ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullForAbsentText() {
        assertThatThrownBy(
                        () ->
                                new LinkQuery(
                                        "alice",
                                        null,
                                        List.of(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        20,
                                        Optional.empty(),
                                        false))
                .isInstanceOf(NullPointerException.class);
    }
}
