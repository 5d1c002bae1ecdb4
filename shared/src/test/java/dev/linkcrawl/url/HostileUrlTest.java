package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile URLs, one case a row of {@code hostile-urls.tsv}: inputs that different parsers read as
 * different hosts (where an allow-list in one and a fetch in another would disagree), and IP
 * encodings and special ranges that {@code url-rules.tsv} does not hold. Each row names the exact
 * outcome: the normal form, or the {@link UrlProblem}.
 */
class HostileUrlTest {

    static final String RESOURCE = "hostile-urls.tsv";

    static List<UrlRulesTable.Row> rows() {
        return UrlRulesTable.rows(RESOURCE);
    }

    static Stream<UrlRulesTable.Row> acceptedRows() {
        return rows().stream().filter(UrlRulesTable.Row::accepted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givesTheExactOutcome(UrlRulesTable.Row row) {
        UrlCheck result = LinkUrl.check(row.input(), UrlPolicy.DEFAULT);

        if (row.accepted()) {
            assertThat(result)
                    .as("%s", row)
                    .isInstanceOfSatisfying(
                            UrlCheck.Accepted.class,
                            accepted ->
                                    assertThat(accepted.url().value()).isEqualTo(row.expected()));
        } else {
            assertThat(result)
                    .as("%s", row)
                    .isInstanceOfSatisfying(
                            UrlCheck.Rejected.class,
                            rejected -> {
                                assertThat(rejected.problem()).isEqualTo(row.problem());
                                assertThat(rejected.detail()).doesNotContain(row.input());
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRows")
    void keepsWhatItAcceptsAsAFixedPoint(UrlRulesTable.Row row) {
        UrlCheck again = LinkUrl.check(row.expected(), UrlPolicy.DEFAULT);

        assertThat(again)
                .as("%s", row)
                .isInstanceOfSatisfying(
                        UrlCheck.Accepted.class,
                        accepted -> assertThat(accepted.url().value()).isEqualTo(row.expected()));
    }

    @Test
    void complementsTheRulesTableWithoutRepeatingAnInput() {
        Set<String> ruleInputs =
                UrlRulesTable.rows().stream()
                        .map(UrlRulesTable.Row::input)
                        .collect(Collectors.toSet());

        assertThat(rows())
                .extracting(UrlRulesTable.Row::input)
                .doesNotContainAnyElementsOf(ruleInputs);
        assertThat(rows()).extracting(UrlRulesTable.Row::input).doesNotHaveDuplicates();
    }
}
