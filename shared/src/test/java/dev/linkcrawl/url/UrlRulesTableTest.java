package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code url-rules.tsv}, checked with the deployed default policy. */
class UrlRulesTableTest {

    static List<UrlRulesTable.Row> rows() {
        return UrlRulesTable.rows();
    }

    static Stream<UrlRulesTable.Row> acceptedRows() {
        return rows().stream().filter(UrlRulesTable.Row::accepted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givesTheExpectedOutcome(UrlRulesTable.Row row) {
        UrlCheck result = LinkUrl.check(row.input(), UrlPolicy.DEFAULT);

        if (row.accepted()) {
            assertThat(result).as("%s", row).isInstanceOf(UrlCheck.Accepted.class);
            assertThat(((UrlCheck.Accepted) result).url().value())
                    .as("%s", row)
                    .isEqualTo(row.expected());
        } else {
            assertThat(result).as("%s", row).isInstanceOf(UrlCheck.Rejected.class);
            assertThat(((UrlCheck.Rejected) result).problem())
                    .as("%s", row)
                    .isEqualTo(row.problem());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRows")
    void keepsTheNormalFormUnchangedWhenCheckedAgain(UrlRulesTable.Row row) {
        UrlCheck again = LinkUrl.check(row.expected(), UrlPolicy.DEFAULT);

        assertThat(again).as("%s", row).isInstanceOf(UrlCheck.Accepted.class);
        assertThat(((UrlCheck.Accepted) again).url().value())
                .as("%s", row)
                .isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRows")
    void writesTheNormalFormAsAnRfc3986Uri(UrlRulesTable.Row row) {
        URI uri = URI.create(row.expected());

        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawUserInfo()).isNull();
        assertThat(uri.toASCIIString()).isEqualTo(row.expected());
    }

    @Test
    void coversAtLeast150CasesWithoutRepeatingAnInput() {
        Set<String> inputs = new HashSet<>();
        List<String> repeated =
                rows().stream().map(UrlRulesTable.Row::source).filter(s -> !inputs.add(s)).toList();

        assertThat(rows()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(repeated).isEmpty();
    }

    @Test
    void namesOnlyProblemsThatExist() {
        assertThat(rows().stream().filter(row -> !row.accepted()))
                .allSatisfy(row -> assertThat(UrlProblem.valueOf(row.expected())).isNotNull());
    }
}
