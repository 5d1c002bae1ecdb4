package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.index.LinkDocument.Status;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.index.SortKey;
import dev.linkcrawl.link.LinkId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchParametersTest {

    private static final LinkId ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");

    private static SearchParameters valid(String raw) {
        SearchParameters.Result result = SearchParameters.parse(raw, null);
        assertThat(result).isInstanceOf(SearchParameters.Result.Valid.class);
        return ((SearchParameters.Result.Valid) result).parameters();
    }

    private static Problem invalid(String raw) {
        SearchParameters.Result result = SearchParameters.parse(raw, null);
        assertThat(result).isInstanceOf(SearchParameters.Result.Invalid.class);
        Problem problem = ((SearchParameters.Result.Invalid) result).problem();
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
        return problem;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void listsTwentyNewestWithoutParameters() {
        SearchParameters parameters = valid("");

        assertThat(parameters.toQuery("alice")).isEqualTo(LinkQuery.newest("alice"));
    }

    @Test
    void readsEveryParameter() {
        SearchParameters parameters =
                valid("q=slow+links&tag=web&tag=Reading&status=failed&type=forum&size=5");

        assertThat(parameters.toQuery("alice"))
                .isEqualTo(
                        LinkQuery.newest("alice")
                                .withText("slow links")
                                .withTags(List.of("web", "Reading"))
                                .withStatus(Status.FAILED)
                                .withType(PageType.FORUM)
                                .withSize(5));
    }

    @Test
    void readsTheGoneStatus() {
        assertThat(valid("status=gone").toQuery("alice"))
                .isEqualTo(LinkQuery.newest("alice").withStatus(Status.GONE));
    }

    @Test
    void readsTheNeedsPageFilter() {
        assertThat(valid("needsPage=true").toQuery("alice"))
                .isEqualTo(LinkQuery.newest("alice").needingPage());
    }

    @Test
    void refusesANeedsPageOtherThanTrue() {
        assertThat(invalid("needsPage=yes").errors())
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/query/needsPage");
    }

    @Test
    void decodesPercentEscapesAndPlusAsSpace() {
        assertThat(valid("q=caf%C3%A9+%26+co%2B%2B").text()).contains("café & co++");
    }

    @Test
    void treatsAnEmptyValueAsAbsent() {
        SearchParameters parameters = valid("q=&tag=&status=&type=&size=&cursor=");

        assertThat(parameters.toQuery("alice")).isEqualTo(LinkQuery.newest("alice"));
    }

    @Test
    void treatsBlankTextAsAbsent() {
        assertThat(valid("q=+++").text()).isEmpty();
    }

    @Test
    void keepsRepeatedTagsOnce() {
        assertThat(valid("tag=web&tag=web").tags()).containsExactly("web");
    }

    @Test
    void acceptsTextOfExactlyTheMaximumLength() {
        assertThat(valid("q=" + "x".repeat(512)).text()).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "size=0, /query/size, out_of_range",
        "size=101, /query/size, out_of_range",
        "size=-1, /query/size, out_of_range",
        "size=abc, /query/size, not_an_integer",
        "size=1.5, /query/size, not_an_integer",
        "size=1e2, /query/size, not_an_integer",
        "size=99999999999, /query/size, out_of_range",
        "status=bogus, /query/status, unknown_value",
        "status=CRAWLED, /query/status, unknown_value",
        "type=blog, /query/type, unknown_value",
        "type=Forum, /query/type, unknown_value",
        "type=a&type=b, /query/type, repeated",
        "cursor=garbage, /query/cursor, malformed",
        "size=5&size=6, /query/size, repeated",
        "q=a&q=b, /query/q, repeated",
        "tags=web, /query/tags, unknown_parameter",
        "page=2, /query/page, unknown_parameter",
        "a/b~c=1, /query, unknown_parameter",
        "q=%zz, /query, malformed_encoding"
    })
    void refusesABadParameterPointingAtIt(String raw, String pointer, String code) {
        assertThat(invalid(raw).errors()).containsExactly(new Problem.FieldError(pointer, code));
    }

    @Test
    void refusesTextOneCharacterTooLong() {
        assertThat(invalid("q=" + "x".repeat(513)).errors())
                .containsExactly(new Problem.FieldError("/query/q", "too_long"));
    }

    @Test
    void pointsAtTheTagThatIsTooLongByItsPosition() {
        assertThat(invalid("tag=web&tag=" + "t".repeat(65)).errors())
                .containsExactly(new Problem.FieldError("/query/tag/1", "too_long"));
    }

    @Test
    void refusesMoreTagsThanALinkCanCarry() {
        StringBuilder raw = new StringBuilder();
        for (int n = 0; n <= LinkQuery.MAX_TAGS; n++) {
            raw.append("tag=t").append(n).append('&');
        }

        assertThat(invalid(raw.toString()).errors())
                .containsExactly(new Problem.FieldError("/query/tag", "too_many"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        Problem problem = invalid("size=0&status=bogus&q=" + "x".repeat(513));

        assertThat(problem.errors())
                .extracting(Problem.FieldError::pointer)
                .containsExactlyInAnyOrder("/query/size", "/query/status", "/query/q");
        assertThat(problem.detail()).isEqualTo("3 query parameters are not valid: see errors");
    }

    @Test
    void neverEchoesTheInputInTheDetail() {
        assertThat(invalid("status=pwned-marker").detail()).doesNotContain("pwned-marker");
    }

    @Test
    void continuesAfterItsOwnCursor() {
        SortKey key = new SortKey.Relevance(3.5f, ID);
        String fingerprint =
                PageCursor.fingerprint(
                        Optional.of("slow links"),
                        List.of("web"),
                        Optional.empty(),
                        Optional.empty());
        String cursor = PageCursor.encode(key, fingerprint);

        SearchParameters parameters = valid("q=slow+links&tag=web&size=5&cursor=" + cursor);

        assertThat(parameters.after()).contains(key);
        assertThat(parameters.fingerprint()).isEqualTo(fingerprint);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "q=fast+links&tag=web",
                "q=slow+links",
                "q=slow+links&tag=web&status=failed"
            })
    void refusesACursorOfAnotherQuery(String otherQuery) {
        String cursor =
                PageCursor.encode(
                        new SortKey.Relevance(3.5f, ID),
                        PageCursor.fingerprint(
                                Optional.of("slow links"),
                                List.of("web"),
                                Optional.empty(),
                                Optional.empty()));

        assertThat(invalid(otherQuery + "&cursor=" + cursor).errors())
                .containsExactly(new Problem.FieldError("/query/cursor", "other_query"));
    }

    @Test
    void acceptsTheSameCursorWhateverThePageSize() {
        String fingerprint =
                PageCursor.fingerprint(
                        Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        String cursor = PageCursor.encode(new SortKey.Newest(1L, ID), fingerprint);

        assertThat(valid("size=50&cursor=" + cursor).after()).isPresent();
    }

    @Test
    void readsHandWrittenEventsWithoutARawQueryString() {
        SearchParameters.Result result =
                SearchParameters.parse(null, Map.of("q", "slow links", "size", "5"));

        assertThat(((SearchParameters.Result.Valid) result).parameters().toQuery("alice"))
                .isEqualTo(LinkQuery.newest("alice").withText("slow links").withSize(5));
    }

    @Test
    void keepsTheQuerySyntaxOfTheTextAsPlainText() {
        String text = "title:foo AND (";

        assertThat(valid("q=" + encode(text)).text()).contains(text);
    }
}
