package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressCheckTest {

    private static final UrlPolicy FIXTURE_EXEMPT =
            new UrlPolicy(UrlPolicy.DEFAULT_PORTS, Set.of(new HostPort("fixture.example", 8080)));

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void allowsOnlyPublicAnswers() {
        assertThat(
                        AddressCheck.refusal(
                                "example.com",
                                443,
                                List.of(
                                        ip("93.184.215.14"),
                                        ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c")),
                                UrlPolicy.DEFAULT))
                .isEmpty();
    }

    @Test
    void blocksANameThatAnswersOnlyPrivateAddresses() {
        assertThat(
                        AddressCheck.refusal(
                                "intranet.example",
                                443,
                                List.of(ip("10.1.2.3")),
                                UrlPolicy.DEFAULT))
                .hasValueSatisfying(detail -> assertThat(detail).contains("10.0.0.0/8"));
    }

    @Test
    void blocksWhenOnePrivateAnswerHidesAmongPublicOnes() {
        assertThat(
                        AddressCheck.refusal(
                                "mixed.example",
                                443,
                                List.of(ip("93.184.215.14"), ip("169.254.169.254")),
                                UrlPolicy.DEFAULT))
                .isPresent();
    }

    @Test
    void blocksIpv6AndMappedPrivateAnswers() {
        assertThat(
                        AddressCheck.refusal(
                                "v6.example", 443, List.of(ip("fd00:ec2::254")), UrlPolicy.DEFAULT))
                .isPresent();
        assertThat(
                        AddressCheck.refusal(
                                "v6.example",
                                443,
                                List.of(ip("::ffff:127.0.0.1")),
                                UrlPolicy.DEFAULT))
                .isPresent();
        assertThat(
                        AddressCheck.refusal(
                                "v6.example", 443, List.of(ip("::7f00:1")), UrlPolicy.DEFAULT))
                .isPresent();
    }

    @Test
    void exemptPairMayReachLoopbackOnly() {
        assertThat(
                        AddressCheck.refusal(
                                "fixture.example",
                                8080,
                                List.of(ip("127.0.0.1"), ip("::1")),
                                FIXTURE_EXEMPT))
                .isEmpty();
        assertThat(
                        AddressCheck.refusal(
                                "fixture.example",
                                8080,
                                List.of(ip("127.0.0.1"), ip("10.0.0.1")),
                                FIXTURE_EXEMPT))
                .isPresent();
    }

    @Test
    void exemptionIsForTheExactHostAndPort() {
        assertThat(
                        AddressCheck.refusal(
                                "fixture.example", 8443, List.of(ip("127.0.0.1")), FIXTURE_EXEMPT))
                .isPresent();
        assertThat(
                        AddressCheck.refusal(
                                "other.example", 8080, List.of(ip("127.0.0.1")), FIXTURE_EXEMPT))
                .isPresent();
    }

    @Test
    void detailNeverRevealsTheAnswer() {
        assertThat(
                        AddressCheck.refusal(
                                        "db.example",
                                        443,
                                        List.of(ip("10.20.30.40")),
                                        UrlPolicy.DEFAULT)
                                .orElseThrow())
                .doesNotContain("10.20.30.40");
    }

    @Test
    void blocksAnEmptyAnswer() {
        assertThat(AddressCheck.refusal("empty.example", 443, List.of(), UrlPolicy.DEFAULT))
                .isPresent();
    }
}
