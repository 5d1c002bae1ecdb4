package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PunycodeTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
        // RFC 3492 section 7.1, samples (A) Arabic (Egyptian) and (L) Japanese
        "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F, egbpdaj6bu4bxfgehfvwxn",
        "3\u5E74B\u7D44\u91D1\u516B\u5148\u751F, 3B-ww4c5e180e575a65lsy2b",
        "b\u00FCcher, bcher-kva",
        "\u00DF, zca",
        "\uD83D\uDE00, e28h"
    })
    void decodesAndEncodesTheSamePair(String unicode, String punycode) {
        assertThat(Punycode.decode(punycode)).contains(unicode);
        assertThat(Punycode.encode(unicode)).isEqualToIgnoringCase(punycode);
    }

    @Test
    void refusesADigitThatIsNoBase36Digit() {
        assertThat(Punycode.decode("bcher-kv_a")).isEmpty();
    }

    @Test
    void refusesANumberThatOverflows() {
        assertThat(Punycode.decode("99999999999")).isEmpty();
    }

    @Test
    void refusesAnInputThatEndsInsideANumber() {
        assertThat(Punycode.decode("bcher-kva9")).isEmpty();
    }

    @Test
    void refusesANonAsciiBasicCodePoint() {
        assertThat(Punycode.decode("b\u00FCcher-kva")).isEmpty();
    }

    @Test
    void keepsAnAsciiLabelWithoutThePrefix() {
        assertThat(Punycode.isValidAceLabel("example")).isTrue();
    }

    @Test
    void refusesAnAceLabelThatDecodesToAscii() {
        assertThat(Punycode.isValidAceLabel("xn--abc-")).isFalse();
    }

    @Test
    void refusesAnAceLabelThatDecodesToTheReplacementCharacter() {
        String label = "xn--" + Punycode.encode("a\uFFFD");

        assertThat(Punycode.isValidAceLabel(label)).isFalse();
    }

    @Test
    void refusesAnAceLabelThatIsNotTheEncodersOwnSpelling() {
        // Uppercase digits decode to the same name, but an encoder writes lowercase: a label has
        // one spelling, so two spellings cannot hide the same name from a comparison.
        assertThat(Punycode.isValidAceLabel("xn--bcher-KVA")).isFalse();
    }

    @Test
    void acceptsWhatTheJdkEncodes() {
        String label = java.net.IDN.toASCII("m\u00FCnchen");

        assertThat(Punycode.isValidAceLabel(label)).isTrue();
    }
}
