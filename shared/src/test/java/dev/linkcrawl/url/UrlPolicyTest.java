package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@link UrlPolicy} changes the outcome of {@link LinkUrl#check}. */
class UrlPolicyTest {

    private static final UrlPolicy EXEMPT_LOOPBACK =
            new UrlPolicy(
                    UrlPolicy.DEFAULT_PORTS,
                    Set.of(
                            new HostPort("127.0.0.1", 8081),
                            new HostPort("localhost", 9000),
                            HostPort.parse("[::1]:8081")));

    private static String accepted(String raw, UrlPolicy policy) {
        UrlCheck result = LinkUrl.check(raw, policy);
        assertThat(result).as(raw).isInstanceOf(UrlCheck.Accepted.class);
        return ((UrlCheck.Accepted) result).url().value();
    }

    private static UrlProblem refusal(String raw, UrlPolicy policy) {
        UrlCheck result = LinkUrl.check(raw, policy);
        assertThat(result).as(raw).isInstanceOf(UrlCheck.Rejected.class);
        return ((UrlCheck.Rejected) result).problem();
    }

    @Test
    void defaultsToTheFourWebPortsAndNoExemption() {
        assertThat(UrlPolicy.DEFAULT.allowedPorts()).containsExactlyInAnyOrder(80, 443, 8080, 8443);
        assertThat(UrlPolicy.DEFAULT.exemptHosts()).isEmpty();
    }

    @Test
    void acceptsAnExemptLoopbackPair() {
        assertThat(accepted("http://127.0.0.1:8081/fixture?a=1", EXEMPT_LOOPBACK))
                .isEqualTo("http://127.0.0.1:8081/fixture?a=1");
    }

    @Test
    void exemptsOnlyTheNamedPort() {
        assertThat(refusal("http://127.0.0.1:8082/", EXEMPT_LOOPBACK))
                .isEqualTo(UrlProblem.BLOCKED_ADDRESS);
    }

    @Test
    void exemptsANamedHostWhateverItsCase() {
        assertThat(accepted("http://LocalHost:9000/", EXEMPT_LOOPBACK))
                .isEqualTo("http://localhost:9000/");
    }

    @Test
    void exemptsAnIpv6PairWhateverItsSpelling() {
        assertThat(accepted("http://[0:0:0:0:0:0:0:1]:8081/", EXEMPT_LOOPBACK))
                .isEqualTo("http://[::1]:8081/");
    }

    @Test
    void skipsThePortRuleForAnExemptPair() {
        UrlPolicy policy =
                new UrlPolicy(UrlPolicy.DEFAULT_PORTS, Set.of(new HostPort("127.0.0.1", 5555)));

        assertThat(accepted("http://127.0.0.1:5555/", policy)).isEqualTo("http://127.0.0.1:5555/");
    }

    @Test
    void neverExemptsAnotherSpellingOfAnExemptAddress() {
        assertThat(refusal("http://2130706433:8081/", EXEMPT_LOOPBACK))
                .isEqualTo(UrlProblem.BLOCKED_ADDRESS);
        assertThat(refusal("http://127.1:8081/", EXEMPT_LOOPBACK))
                .isEqualTo(UrlProblem.BLOCKED_ADDRESS);
    }

    @Test
    void neverSkipsTheSyntaxOrCredentialRulesForAnExemptPair() {
        assertThat(refusal("http://user@127.0.0.1:8081/", EXEMPT_LOOPBACK))
                .isEqualTo(UrlProblem.CREDENTIALS);
        assertThat(refusal("ftp://127.0.0.1:8081/", EXEMPT_LOOPBACK))
                .isEqualTo(UrlProblem.BLOCKED_SCHEME);
    }

    @Test
    void refusesTheDefaultPortWhenItIsNotAllowed() {
        UrlPolicy httpsOnly = new UrlPolicy(Set.of(443), Set.of());

        assertThat(refusal("http://example.com/", httpsOnly)).isEqualTo(UrlProblem.BLOCKED_PORT);
        assertThat(accepted("https://example.com/", httpsOnly)).isEqualTo("https://example.com/");
    }

    @Test
    void acceptsAPortTheConfigurationAdds() {
        UrlPolicy withExtraPort = new UrlPolicy(Set.of(80, 443, 9200), Set.of());

        assertThat(accepted("http://example.com:9200/", withExtraPort))
                .isEqualTo("http://example.com:9200/");
        assertThat(refusal("http://example.com:8080/", withExtraPort))
                .isEqualTo(UrlProblem.BLOCKED_PORT);
    }
}
