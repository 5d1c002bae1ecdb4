package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What holding a {@link LinkUrl} promises, and how a refusal is reported. */
class LinkUrlTest {

    @Test
    void carriesTheSchemeHostAndEffectivePortOfTheNormalForm() {
        UrlCheck result = LinkUrl.check("HTTPS://Bücher.example/a", UrlPolicy.DEFAULT);

        assertThat(result)
                .isEqualTo(
                        new UrlCheck.Accepted(
                                new LinkUrl(
                                        "https://xn--bcher-kva.example/a",
                                        "https",
                                        "xn--bcher-kva.example",
                                        443)));
    }

    @Test
    void keepsAnIpv6HostWithoutBrackets() {
        LinkUrl url =
                ((UrlCheck.Accepted)
                                LinkUrl.check(
                                        "http://[2606:4700:4700::1111]:8080/", UrlPolicy.DEFAULT))
                        .url();

        assertThat(url.host()).isEqualTo("2606:4700:4700::1111");
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url).hasToString("http://[2606:4700:4700::1111]:8080/");
    }

    @Test
    void canBeBuiltFromAValueAlreadyInNormalForm() {
        LinkUrl url = new LinkUrl("http://127.0.0.1:8081/a", "http", "127.0.0.1", 8081);

        assertThat(url.value()).isEqualTo("http://127.0.0.1:8081/a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    https://Example.com/a      | https | example.com | 443
                    https://example.com        | https | example.com | 443
                    https://example.com:443/   | https | example.com | 443
                    https://example.com/#x     | https | example.com | 443
                    https://example.com/       | http  | example.com | 443
                    https://example.com/       | https | example.org | 443
                    https://example.com/       | https | example.com | 80
                    http://2130706433/         | http  | 127.0.0.1   | 80
                    ftp://example.com/         | ftp   | example.com | 21
                    """)
    void refusesToHoldAnythingButTheNormalFormAndItsOwnParts(
            String value, String scheme, String host, int port) {
        assertThatThrownBy(() -> new LinkUrl(value, scheme, host, port))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAMissingUrlAsEmptyInsteadOfThrowing() {
        assertThat(LinkUrl.check(null, UrlPolicy.DEFAULT))
                .isEqualTo(new UrlCheck.Rejected(UrlProblem.EMPTY));
    }

    static Stream<UrlRulesTable.Row> rejectedRows() {
        return UrlRulesTable.rows().stream().filter(row -> !row.accepted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRows")
    void neverEchoesTheRefusedInputInTheDetail(UrlRulesTable.Row row) {
        UrlCheck.Rejected rejected =
                (UrlCheck.Rejected) LinkUrl.check(row.input(), UrlPolicy.DEFAULT);

        assertThat(rejected.detail()).isNotBlank();
        if (row.input().length() > 3) {
            assertThat(rejected.detail()).doesNotContain(row.input());
        }
    }

    @Test
    void neverEchoesAPasswordInTheDetail() {
        UrlCheck.Rejected rejected =
                (UrlCheck.Rejected)
                        LinkUrl.check("https://admin:hunter2@example.com/", UrlPolicy.DEFAULT);

        assertThat(rejected.problem()).isEqualTo(UrlProblem.CREDENTIALS);
        assertThat(rejected.detail()).doesNotContain("hunter2").doesNotContain("admin");
    }

    @ParameterizedTest
    @EnumSource(UrlProblem.class)
    void answers400ForUnusableTextAnd422ForWhatPolicyRefuses(UrlProblem problem) {
        boolean policy =
                switch (problem) {
                    case TOO_LONG,
                            BLOCKED_SCHEME,
                            CREDENTIALS,
                            BLOCKED_HOST,
                            BLOCKED_ADDRESS,
                            NON_CANONICAL_ADDRESS,
                            BLOCKED_PORT ->
                            true;
                    case EMPTY,
                            INVALID_CHARACTER,
                            NOT_ABSOLUTE,
                            MALFORMED,
                            INVALID_HOST,
                            INVALID_PORT,
                            INVALID_PUNYCODE,
                            REPLACEMENT_CHARACTER ->
                            false;
                };

        assertThat(problem.status()).isEqualTo(policy ? 422 : 400);
        assertThat(problem.code()).isEqualTo(problem.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void givesEveryProblemADistinctCode() {
        assertThat(Arrays.stream(UrlProblem.values()).map(UrlProblem::code))
                .doesNotHaveDuplicates();
    }
}
