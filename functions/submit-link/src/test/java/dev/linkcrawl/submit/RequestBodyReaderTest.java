package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyReaderTest {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private final RequestBodyReader reader = new RequestBodyReader();

    @Test
    void readsUrlTagsAndNote() {
        var result =
                reader.read(
                        JSON,
                        "{\"url\":\"https://example.com/\",\"tags\":[\"a\"],\"note\":\"n\"}",
                        false);

        assertThat(result)
                .isEqualTo(
                        new RequestBodyReader.Result.Read(
                                new SubmitRequest(
                                        "https://example.com/", java.util.List.of("a"), "n")));
    }

    @Test
    void trimsAndDeduplicatesTags() {
        var result = reader.read(JSON, "{\"url\":\"u\",\"tags\":[\" a \",\"a\",\"b\"]}", false);

        assertThat(((RequestBodyReader.Result.Read) result).request().tags())
                .containsExactly("a", "b");
    }

    @Test
    void refusesBodyOverSixteenKibibytesBeforeParsing() {
        String body = "{".repeat(RequestBodyReader.MAX_BODY_BYTES + 1);

        assertThat(problem(reader.read(JSON, body, false)).type())
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void countsBytesNotCharacters() {
        String body = "{\"url\":\"" + "é".repeat(RequestBodyReader.MAX_BODY_BYTES / 2) + "\"}";

        assertThat(problem(reader.read(JSON, body, false)).type())
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesOversizedBase64BodyWithoutDecodingIt() {
        String body = "A".repeat(RequestBodyReader.MAX_BODY_BYTES * 2);

        assertThat(problem(reader.read(JSON, body, true)).type())
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void readsBase64Body() {
        String body =
                Base64.getEncoder()
                        .encodeToString(
                                "{\"url\":\"https://example.com/\"}"
                                        .getBytes(StandardCharsets.UTF_8));

        assertThat(reader.read(JSON, body, true)).isInstanceOf(RequestBodyReader.Result.Read.class);
    }

    @Test
    void refusesMissingContentType() {
        assertThat(problem(reader.read(Map.of(), "{\"url\":\"u\"}", false)).type())
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesFormEncodedBody() {
        var headers = Map.of("content-type", "application/x-www-form-urlencoded");

        assertThat(problem(reader.read(headers, "url=u", false)).type())
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesJsonInAnotherCharset() {
        var headers = Map.of("content-type", "application/json; charset=iso-8859-1");

        assertThat(problem(reader.read(headers, "{\"url\":\"u\"}", false)).type())
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void acceptsJsonWithUtf8CharsetAndMixedCaseHeaderName() {
        var headers = Map.of("Content-Type", "Application/JSON; charset=\"UTF-8\"");

        assertThat(reader.read(headers, "{\"url\":\"u\"}", false))
                .isInstanceOf(RequestBodyReader.Result.Read.class);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String body = Base64.getEncoder().encodeToString(bytes);

        assertThat(code(reader.read(JSON, body, true))).isEqualTo("invalid_utf8");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThat(code(reader.read(JSON, "{\"url\":\"a\",\"url\":\"b\"}", false)))
                .isEqualTo("duplicate_field");
    }

    @Test
    void refusesUnknownFieldWithItsPointer() {
        Problem problem = problem(reader.read(JSON, "{\"url\":\"a\",\"title\":\"x\"}", false));

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("/title", "unknown_field"));
    }

    @Test
    void unknownFieldWithOddNameDoesNotEchoIt() {
        Problem problem = problem(reader.read(JSON, "{\"url\":\"a\",\"<script>\":1}", false));

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("", "unknown_field"));
    }

    @Test
    void refusesUrlThatIsNotAString() {
        Problem problem = problem(reader.read(JSON, "{\"url\":42}", false));

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("/url", "not_a_string"));
    }

    @Test
    void refusesMissingUrl() {
        Problem problem = problem(reader.read(JSON, "{\"tags\":[]}", false));

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("/url", "required"));
    }

    @Test
    void refusesNullUrl() {
        Problem problem = problem(reader.read(JSON, "{\"url\":null}", false));

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("/url", "required"));
    }

    @Test
    void refusesTagsThatAreNotAnArray() {
        Problem problem = problem(reader.read(JSON, "{\"url\":\"u\",\"tags\":\"a\"}", false));

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("/tags", "not_an_array"));
    }

    @Test
    void pointsAtTheTagThatIsNotAString() {
        Problem problem = problem(reader.read(JSON, "{\"url\":\"u\",\"tags\":[\"a\",1]}", false));

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("/tags/1", "not_a_string"));
    }

    @Test
    void refusesTooManyTags() {
        String tags = "\"t\",".repeat(SubmitRequest.MAX_TAGS) + "\"last\"";

        Problem problem =
                problem(reader.read(JSON, "{\"url\":\"u\",\"tags\":[" + tags + "]}", false));

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("/tags", "too_many"));
    }

    @Test
    void refusesOverlongNote() {
        String note = "n".repeat(SubmitRequest.MAX_NOTE_LENGTH + 1);

        Problem problem =
                problem(reader.read(JSON, "{\"url\":\"u\",\"note\":\"" + note + "\"}", false));

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("/note", "too_long"));
    }

    @Test
    void refusesDeepNesting() {
        String body = "{\"url\":\"u\",\"tags\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(code(reader.read(JSON, body, false))).isEqualTo("too_deep");
    }

    @Test
    void refusesTrailingGarbage() {
        assertThat(code(reader.read(JSON, "{\"url\":\"u\"} {}", false)))
                .isEqualTo("malformed_json");
    }

    @Test
    void refusesArrayAtTopLevel() {
        assertThat(code(reader.read(JSON, "[\"https://example.com/\"]", false)))
                .isEqualTo("not_an_object");
    }

    @Test
    void refusesEmptyBody() {
        assertThat(code(reader.read(JSON, "", false))).isEqualTo("empty_body");
    }

    @Test
    void refusesSingleQuotedJson() {
        assertThat(code(reader.read(JSON, "{'url':'u'}", false))).isEqualTo("malformed_json");
    }

    @Test
    void refusesCommentsInJson() {
        assertThat(code(reader.read(JSON, "{/* c */\"url\":\"u\"}", false)))
                .isEqualTo("malformed_json");
    }

    private static Problem problem(RequestBodyReader.Result result) {
        assertThat(result).isInstanceOf(RequestBodyReader.Result.Refused.class);
        return ((RequestBodyReader.Result.Refused) result).problem();
    }

    private static String code(RequestBodyReader.Result result) {
        Problem problem = problem(result);
        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().getFirst().code();
    }
}
