package dev.linkcrawl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

class FixtureBytesTest {

    @Test
    void leavesJsonEscapesAndPlainTextAlone() {
        assertThat(FixtureBytes.text("{\"a\":\"\\ud800\\\"\"}"))
                .isEqualTo("{\"a\":\"\\ud800\\\"\"}");
    }

    @Test
    void encodesCodePointsAsUtf8AndWritesRawBytes() {
        assertThat(FixtureBytes.decode("\\u{E9}\\x{FF}\\crlf"))
                .containsExactly(0xc3, 0xa9, 0xff, '\r', '\n');
    }

    @Test
    void repeatsDecodedText() {
        assertThat(FixtureBytes.text("[\\repeat{3}{\\u{E9},}]")).isEqualTo("[é,é,é,]");
    }

    @Test
    void padsWithSpacesToTheExactByteCount() {
        byte[] padded = FixtureBytes.decode("{\"é\":1}\\pad{20}");

        assertThat(padded).hasSize(20);
        assertThat(new String(padded, StandardCharsets.UTF_8))
                .isEqualTo("{\"é\":1}" + " ".repeat(12));
    }

    @Test
    void refusesAPadThatIsAlreadyExceeded() {
        assertThatThrownBy(() -> FixtureBytes.decode("abcdef\\pad{3}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compressesWithEachCoding() throws IOException {
        assertThat(inflate(new GZIPInputStream(stream("\\gzip{<p>é</p>}")))).isEqualTo("<p>é</p>");
        assertThat(inflate(new InflaterInputStream(stream("\\zlib{<p>}"), new Inflater(false))))
                .isEqualTo("<p>");
        assertThat(inflate(new InflaterInputStream(stream("\\deflate{<p>}"), new Inflater(true))))
                .isEqualTo("<p>");
    }

    private static InputStream stream(String cell) {
        return new ByteArrayInputStream(FixtureBytes.decode(cell));
    }

    private static String inflate(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
