package dev.linkcrawl.backfill.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportTimestampsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1695000000, 2023-09-18T01:20:00Z",
                "1695000000123, 2023-09-18T01:20:00.123Z",
                "1695000000123456, 2023-09-18T01:20:00.123456Z",
                "0, null",
                "-5, null",
                "12abc, null",
                "'', null",
                "9999999999999999999, null"
            })
    void readsEpochSecondsMillisAndMicrosBySize(String value, String expected) {
        assertThat(ExportTimestamps.fromEpoch(value))
                .isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "2014-05-29T19:03:59Z, 2014-05-29T19:03:59Z",
                "' 2014-05-29T19:03:59Z ', 2014-05-29T19:03:59Z",
                "2014-05-29, null",
                "yesterday, null"
            })
    void readsIsoInstantsOnly(String value, String expected) {
        assertThat(ExportTimestamps.fromIso(value))
                .isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
