package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2017-07-14T20:28:07Z                | 2017-07-14T20:28:07Z",
                "2017-07-14T16:28:07-04:00           | 2017-07-14T20:28:07Z",
                "2017-07-14T20:28:07.123+0000        | 2017-07-14T20:28:07.123Z",
                "2017-07-14 20:28                    | 2017-07-14T20:28:00Z",
                "2017-07-14                          | 2017-07-14T00:00:00Z",
                "Fri, 14 Jul 2017 20:28:07 GMT       | 2017-07-14T20:28:07Z",
                "July 14, 2017 4:28 PM EDT           | 2017-07-14T20:28:00Z",
                "14 juillet 2017                     | 2017-07-14T00:00:00Z",
                "Wednesday, October 11th 2017 (9:26 pm) | 2017-10-11T21:26:00Z",
                "07/14/2017                          | 2017-07-14T00:00:00Z",
                "20170714                            | 2017-07-14T00:00:00Z",
                "1500064087000                       | 2017-07-14T20:28:07Z",
            })
    void readsDatesSeenInTheWild(String text, String expected) {
        assertThat(DateText.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2020-04-12T18:00:00-0700            | 2020-04-12",
                "December 19, 2025 9:04 AM +13:00    | 2025-12-19",
                "Dec 18, 2025                        | 2025-12-18",
            })
    void keepsTheDayAsThePageWritesIt(String text, String day) {
        assertThat(DateText.parseDateTime(text).map(OffsetDateTime::toLocalDate))
                .contains(LocalDate.parse(day));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "yesterday", "12345", "2017", "Posted 3 hours ago", "1850-01-01"})
    void refusesTextThatNamesNoDate(String text) {
        assertThat(DateText.parse(text)).isEmpty();
    }
}
