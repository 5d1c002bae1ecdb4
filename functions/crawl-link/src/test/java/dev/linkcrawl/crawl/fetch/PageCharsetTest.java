package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.fetch.PageCharset.Decoded;
import dev.linkcrawl.crawl.fetch.PageCharset.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageCharsetTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final Charset LATIN_2 = Charset.forName("ISO-8859-2");
    private static final String FRENCH = "crème brûlée à l'hôtel";
    private static final String JAPANESE = "これは日本語で書かれたテストページです";

    @Test
    void readsLatin1PageByItsMetaCharsetAsWindows1252() {
        Decoded decoded = PageCharset.decode(Fixtures.bytes("latin1-meta.html"), null);

        assertThat(decoded.source()).isEqualTo(Source.META);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains(FRENCH).doesNotContain("\uFFFD");
    }

    @Test
    void aSentPageInUtf8IsReadAsUtf8WhateverItsMetaStillDeclares() {
        byte[] sent =
                ("<html><head><meta charset=\"windows-1252\"></head><body>" + FRENCH + "</body>")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(PageCharset.decodeSent(sent).text()).contains(FRENCH);
    }

    @Test
    void aSentPageThatIsNotUtf8IsReadByItsMeta() {
        Decoded decoded = PageCharset.decodeSent(Fixtures.bytes("latin1-meta.html"));

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains(FRENCH);
    }

    @Test
    void readsLatin1PageByItsHeaderCharset() {
        Decoded decoded =
                PageCharset.decode(
                        Fixtures.bytes("latin1-plain.html"), "text/html; charset=ISO-8859-1");

        assertThat(decoded.source()).isEqualTo(Source.HTTP_HEADER);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains(FRENCH);
    }

    @Test
    void detectsLatin1PageWithoutAnyDeclarationAsWindows1252() {
        Decoded decoded = PageCharset.decode(Fixtures.bytes("latin1-plain.html"), "text/html");

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains(FRENCH);
    }

    @Test
    void readsShiftJisPageByItsHttpEquivMeta() {
        Decoded decoded = PageCharset.decode(Fixtures.bytes("shift_jis-meta.html"), "text/html");

        assertThat(decoded.source()).isEqualTo(Source.META);
        assertThat(decoded.charset()).isEqualTo(SHIFT_JIS);
        assertThat(decoded.text()).contains(JAPANESE);
    }

    @Test
    void readsShiftJisPageByItsHeaderCharset() {
        Decoded decoded =
                PageCharset.decode(
                        Fixtures.bytes("shift_jis-plain.html"), "text/html; charset=\"shift_jis\"");

        assertThat(decoded.source()).isEqualTo(Source.HTTP_HEADER);
        assertThat(decoded.text()).contains(JAPANESE);
    }

    @Test
    void detectsShiftJisPageWithoutAnyDeclaration() {
        Decoded decoded = PageCharset.decode(Fixtures.bytes("shift_jis-plain.html"), null);

        assertThat(decoded.source()).isEqualTo(Source.DETECTED);
        assertThat(decoded.charset()).isEqualTo(SHIFT_JIS);
        assertThat(decoded.text()).contains(JAPANESE);
    }

    @Test
    void detectsEucJpPageWithoutAnyDeclaration() {
        Decoded decoded = PageCharset.decode(Fixtures.bytes("euc-jp-plain.html"), "text/html");

        assertThat(decoded.source()).isEqualTo(Source.DETECTED);
        assertThat(decoded.charset()).isEqualTo(Charset.forName("EUC-JP"));
        assertThat(decoded.text()).contains(JAPANESE);
    }

    @Test
    void byteOrderMarkWinsOverHeaderAndMeta() {
        Decoded decoded =
                PageCharset.decode(
                        Fixtures.bytes("utf8-bom.html"), "text/html; charset=windows-1251");

        assertThat(decoded.source()).isEqualTo(Source.BOM);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).startsWith("<!DOCTYPE html>").contains(FRENCH);
    }

    @Test
    void headerWinsOverMeta() {
        byte[] page =
                "<meta charset=\"shift_jis\"><p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);

        Decoded decoded = PageCharset.decode(page, "text/html; charset=utf-8");

        assertThat(decoded.source()).isEqualTo(Source.HTTP_HEADER);
        assertThat(decoded.text()).contains("café");
    }

    @Test
    void ignoresUnknownHeaderCharsetAndFallsThroughToMeta() {
        Decoded decoded =
                PageCharset.decode(
                        Fixtures.bytes("latin1-meta.html"), "text/html; charset=x-no-such-thing");

        assertThat(decoded.source()).isEqualTo(Source.META);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void ignoresJdkOnlyCharsetNamesThatBrowsersDoNotKnow() {
        byte[] page = "<p>plain</p>".getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = PageCharset.decode(page, "text/html; charset=IBM037");

        assertThat(decoded.source()).isNotEqualTo(Source.HTTP_HEADER);
        assertThat(decoded.text()).isEqualTo("<p>plain</p>");
    }

    @Test
    void treatsMetaUtf16AsUtf8LikeBrowsers() {
        byte[] page = "<meta charset=utf-16><p>é</p>".getBytes(StandardCharsets.UTF_8);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isEqualTo(Source.META);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains("é");
    }

    @Test
    void ignoresMetaInsideComments() {
        byte[] page =
                "<!-- <meta charset=shift_jis> --><meta charset=\"iso-8859-1\"><p>\u00e9</p>"
                        .getBytes(WINDOWS_1252);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void ignoresMetaBeyondTheFirstFiveKibibytes() {
        String padding = "<!-- " + "x".repeat(PageCharset.PRESCAN_BYTES) + " -->";
        byte[] page = (padding + "<meta charset=shift_jis><p>ok</p>").getBytes(WINDOWS_1252);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isNotEqualTo(Source.META);
    }

    @Test
    void obeysMetaPastThePrescanWindowAsTheParserWould() {
        String padding = "<!-- " + "x".repeat(PageCharset.PRESCAN_BYTES) + " -->";
        byte[] page = (padding + "<meta charset=\"iso8859-2\"><p>\u0142</p>").getBytes(LATIN_2);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isEqualTo(Source.LATE_META);
        assertThat(decoded.charset()).isEqualTo(LATIN_2);
    }

    @Test
    void ignoresLateMetaInsideAScript() {
        String script = "<script>var s = '" + "x".repeat(PageCharset.PRESCAN_BYTES) + "';";
        byte[] page = (script + "'<meta charset=iso8859-2>';</script><p>ok</p>").getBytes(LATIN_2);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isNotEqualTo(Source.LATE_META);
    }

    @Test
    void ignoresLateMetaInsideNoscript() {
        String padding = "<!-- " + "x".repeat(PageCharset.PRESCAN_BYTES) + " -->";
        byte[] page =
                (padding + "<noscript><meta charset=iso8859-2></noscript><p>ok</p>")
                        .getBytes(LATIN_2);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isNotEqualTo(Source.LATE_META);
    }

    @Test
    void ignoresMetaCutOffByTheEndOfTheBytes() {
        byte[] page = "<p>ok</p><meta charset=euc-jp".getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void ignoresHttpEquivWhoseNameHasATrailingSpace() {
        byte[] page =
                "<meta http-equiv=\"Content-Type \" content=\"text/html; charset=iso8859-2\">"
                        .getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void readsPlainAsciiWithoutDeclarationAsTheWindows1252Default() {
        byte[] page = "<p>plain text</p>".getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isEqualTo(Source.DEFAULT);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void detectsValidUtf8WithoutDeclaration() {
        byte[] page = "<p>Grüße, 東京</p>".getBytes(StandardCharsets.UTF_8);

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.source()).isEqualTo(Source.DETECTED);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo("<p>Grüße, 東京</p>");
    }

    @Test
    void keepsUtf8WhenTheCapCutACharacterInHalf() {
        byte[] full = "<p>東京</p>東".getBytes(StandardCharsets.UTF_8);
        int cut = full.length - 1;

        Decoded decoded = PageCharset.decode(full, cut, null);

        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).startsWith("<p>東京</p>").endsWith("\uFFFD");
    }

    @Test
    void replacesBadBytesInsteadOfThrowing() {
        byte[] page = {'<', 'p', '>', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '<', '/', 'p', '>'};

        Decoded decoded = PageCharset.decode(page, "text/html; charset=utf-8");

        assertThat(decoded.text()).isEqualTo("<p>\uFFFD\uFFFD\uFFFD</p>");
    }

    @Test
    void neverThrowsOnRandomBytesUnderAnyDeclaration() {
        Random random = new Random(42);
        String[] headers = {
            null,
            "text/html",
            "text/html; charset=shift_jis",
            "text/html; charset=utf-16",
            "text/html; charset=",
            "text/html; charset=\"",
            "garbage",
            "text/html;;;charset=gbk"
        };
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            for (String header : headers) {
                Decoded decoded = PageCharset.decode(bytes, header);
                assertThat(decoded.text()).isNotNull();
            }
        }
    }

    @Test
    void fallsBackToWindows1252WhenNothingDecides() {
        byte[] page = {'<', 'p', '>', (byte) 0xe9, '<', '/', 'p', '>'};

        Decoded decoded = PageCharset.decode(page, null);

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).isEqualTo("<p>é</p>");
    }

    @Test
    void readsCharsetFromHttpEquivContentWithSpacesAndQuotes() {
        assertThat(PageCharset.charsetInContent("text/html; charset = 'Shift_JIS'"))
                .contains("Shift_JIS");
        assertThat(PageCharset.charsetInContent("text/html;charset=euc-jp; foo"))
                .contains("euc-jp");
        assertThat(PageCharset.charsetInContent("text/html")).isEmpty();
    }

    @Test
    void validatesUtf8Strictly() {
        assertThat(PageCharset.isValidUtf8(new byte[] {(byte) 0xc0, (byte) 0xaf}, 2))
                .as("overlong /")
                .isFalse();
        assertThat(PageCharset.isValidUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, 3))
                .as("surrogate")
                .isFalse();
        assertThat(
                        PageCharset.isValidUtf8(
                                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 4))
                .as("past U+10FFFF")
                .isFalse();
        byte[] valid = "ok é 東 😀".getBytes(StandardCharsets.UTF_8);
        assertThat(PageCharset.isValidUtf8(valid, valid.length)).isTrue();
    }
}
