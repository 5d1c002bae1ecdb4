package dev.linkcrawl.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import org.junit.jupiter.api.Test;

class ConnectionTrapIT {

    @Test
    void failsOnCloseWhenSomethingConnected() throws Exception {
        ConnectionTrap trap = ConnectionTrap.open();
        try (Socket socket = new Socket(trap.endpoint().getHost(), trap.endpoint().getPort())) {
            // The trap accepts and closes: reading sees the end of the stream once it has counted.
            socket.getInputStream().read();
        }

        assertThatThrownBy(trap::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 connection(s)");
    }

    @Test
    void closesQuietlyWhenNothingConnected() {
        ConnectionTrap trap = ConnectionTrap.open();

        assertThatCode(trap::close).doesNotThrowAnyException();
    }
}
