package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingLabelsTest {

    @ParameterizedTest
    @CsvSource({
        "iso-8859-1, windows-1252",
        "ISO-8859-1, windows-1252",
        "latin1, windows-1252",
        "us-ascii, windows-1252",
        "ascii, windows-1252",
        "' utf8 ', UTF-8",
        "Shift_JIS, windows-31j",
        "sjis, windows-31j",
        "euc-jp, EUC-JP",
        "euc-kr, x-windows-949",
        "gb2312, GBK",
        "big5, Big5-HKSCS",
        "iso-8859-9, windows-1254",
        "tis-620, x-windows-874",
        "koi8-r, KOI8-R",
        "utf-16, UTF-16LE",
    })
    void mapsLabelsAsBrowsersDo(String label, String javaName) {
        assertThat(EncodingLabels.lookup(label)).contains(Charset.forName(javaName));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x-unknown",
                "IBM037",
                "cp037",
                "utf-32",
                "x-user-defined",
                "iso-2022-kr"
            })
    void ignoresLabelsBrowsersDoNotDecode(String label) {
        assertThat(EncodingLabels.lookup(label)).isEmpty();
    }
}
