package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @ParameterizedTest(name = "{0} → {1} port {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    127.0.0.1:8081             | 127.0.0.1 | 8081
                    LocalHost:9000             | localhost | 9000
                    [::1]:80                   | ::1       | 80
                    [0:0:0:0:0:0:0:1]:80       | ::1       | 80
                    ' 127.0.0.1:8081 '         | 127.0.0.1 | 8081
                    """)
    void parsesHostAndPortIntoTheFormLinkUrlHosts(String text, String host, int port) {
        assertThat(HostPort.parse(text)).isEqualTo(new HostPort(host, port));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.0.0.1:",
                ":8080",
                "127.0.0.1:http",
                "127.0.0.1:0",
                "127.0.0.1:65536",
                "[::g]:80"
            })
    void refusesTextThatIsNotAHostAndPort(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8081", "localhost:9000", "[::1]:80"})
    void writesWhatItParses(String text) {
        assertThat(HostPort.parse(text).toString()).isEqualTo(text);
    }
}
