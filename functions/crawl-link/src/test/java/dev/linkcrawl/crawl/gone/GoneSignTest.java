package dev.linkcrawl.crawl.gone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.fetch.FailureCode;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoneSignTest {

    @ParameterizedTest
    @CsvSource({"404", "410"})
    void aNotFoundOrGoneStatusIsASign(int status) {
        assertThat(GoneSign.ofFailure(FailureCode.HTTP_STATUS, OptionalInt.of(status)))
                .contains(GoneSign.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({"403", "451", "500", "503"})
    void otherStatusesAreNoSign(int status) {
        assertThat(GoneSign.ofFailure(FailureCode.HTTP_STATUS, OptionalInt.of(status))).isEmpty();
    }

    @Test
    void aDomainThatNoLongerResolvesIsASign() {
        assertThat(GoneSign.ofFailure(FailureCode.DNS_NXDOMAIN, OptionalInt.empty()))
                .contains(GoneSign.NO_SUCH_DOMAIN);
    }

    @ParameterizedTest
    @CsvSource({"DNS_FAILURE", "DNS_TIMEOUT", "CONNECT_FAILED", "TIMEOUT", "TLS"})
    void anOutageIsNoSign(FailureCode code) {
        assertThat(GoneSign.ofFailure(code, OptionalInt.empty())).isEmpty();
    }

    @Test
    void aParkedPageIsASign() {
        assertThat(
                        GoneSign.ofPage(
                                "https://lapsed.example/post",
                                "https://lapsed.example/post",
                                "<html><title>lapsed.example</title></html>",
                                "lapsed.example",
                                "This domain may be for sale. Related searches",
                                8))
                .contains(GoneSign.PARKED_DOMAIN);
    }

    @Test
    void anOrdinaryPageIsNoSign() {
        assertThat(
                        GoneSign.ofPage(
                                "https://blog.example/queues",
                                "https://blog.example/queues",
                                "<html><title>Queues</title></html>",
                                "Queues",
                                "One slow link froze the whole server.",
                                7))
                .isEmpty();
    }
}
