package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadRequestReaderTest {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private final UploadRequestReader reader = new UploadRequestReader();

    @Test
    void readsTheSizeAndTheFileName() {
        assertThat(reader.read(JSON, "{\"size\": 123, \"fileName\": \"b.html\"}", false))
                .isEqualTo(
                        new UploadRequestReader.Result.Read(
                                new UploadRequest(123, Optional.of("b.html"))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|/size|required",
                "{\"size\": \"12\"}|/size|not_a_whole_number",
                "{\"size\": 1.5}|/size|not_a_whole_number",
                "{\"size\": 0}|/size|not_positive",
                "{\"size\": 99999999999999999999}|/size|not_a_whole_number",
                "{\"size\": 1, \"fileName\": 7}|/fileName|not_a_string",
                "{\"size\": 1, \"key\": \"imports/bob/x\"}|/key|unknown_field"
            })
    void refusesEachFieldAtFaultByPointerAndCode(String body, String pointer, String code) {
        UploadRequestReader.Result result = reader.read(JSON, body, false);

        assertThat(result)
                .isInstanceOfSatisfying(
                        UploadRequestReader.Result.Refused.class,
                        refused ->
                                assertThat(refused.problem().errors())
                                        .anySatisfy(
                                                error -> {
                                                    assertThat(error.pointer()).isEqualTo(pointer);
                                                    assertThat(error.code()).isEqualTo(code);
                                                }));
    }

    @Test
    void refusesAFileNameLongerThan255Characters() {
        String body = "{\"size\": 1, \"fileName\": \"" + "a".repeat(256) + "\"}";

        assertThat(reader.read(JSON, body, false))
                .isInstanceOf(UploadRequestReader.Result.Refused.class);
    }

    @Test
    void aPageBodyIsTheSizeAlone() {
        UploadRequestReader pages = UploadRequestReader.forPages();

        assertThat(pages.read(JSON, "{\"size\": 123}", false))
                .isEqualTo(
                        new UploadRequestReader.Result.Read(
                                new UploadRequest(123, Optional.empty())));
        assertThat(pages.read(JSON, "{\"size\": 1, \"fileName\": 7}", false))
                .isInstanceOfSatisfying(
                        UploadRequestReader.Result.Refused.class,
                        refused ->
                                assertThat(refused.problem().errors())
                                        .containsExactly(
                                                new dev.linkcrawl.api.Problem.FieldError(
                                                        "/fileName", "unknown_field")));
    }
}
