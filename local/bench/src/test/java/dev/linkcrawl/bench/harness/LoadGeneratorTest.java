package dev.linkcrawl.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void refusesAnApiThatIsNotOnLoopback() {
        assertThatThrownBy(() -> LoadGenerator.requireLoopback(URI.create("http://192.0.2.1:3000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only targets loopback");
    }

    @Test
    void acceptsLoopbackAddresses() {
        URI v4 = URI.create("http://127.0.0.1:3000");
        URI v6 = URI.create("http://[::1]:3000");

        assertThat(LoadGenerator.requireLoopback(v4)).isEqualTo(v4);
        assertThat(LoadGenerator.requireLoopback(v6)).isEqualTo(v6);
    }
}
