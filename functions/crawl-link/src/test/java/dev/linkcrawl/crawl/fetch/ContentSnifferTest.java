package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.fetch.ContentSniffer.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
    };

    private static Verdict judge(String contentType, byte[] body) {
        return ContentSniffer.judge(ContentType.parse(contentType), body, body.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void acceptsHtmlLabelledHtml() {
        assertThat(judge("text/html; charset=utf-8", ascii("<!doctype html><p>hi")))
                .isEqualTo(new Verdict(true, "text/html"));
    }

    @Test
    void acceptsXhtml() {
        assertThat(judge("application/xhtml+xml", ascii("<?xml version='1.0'?><html>")))
                .isEqualTo(new Verdict(true, "application/xhtml+xml"));
    }

    @Test
    void refusesPngLabelledHtml() {
        assertThat(judge("text/html", PNG)).isEqualTo(new Verdict(false, "image/png"));
    }

    @Test
    void refusesPdfLabelledHtml() {
        assertThat(judge("text/html", ascii("%PDF-1.7\n%\u00e2\u00e3")))
                .isEqualTo(new Verdict(false, "application/pdf"));
    }

    @Test
    void refusesHtmlLabelWithBinaryControlBytes() {
        assertThat(judge("text/html", new byte[] {'<', 'p', '>', 0, 1, 2}))
                .isEqualTo(new Verdict(false, ContentSniffer.UNKNOWN));
    }

    @Test
    void acceptsUtf16PageWithByteOrderMarkDespiteZeroBytes() {
        byte[] body = "\uFEFF<html>".getBytes(StandardCharsets.UTF_16LE);

        assertThat(judge("text/html", body).html()).isTrue();
    }

    @Test
    void describesOtherDeclaredTypesWithoutParsing() {
        assertThat(judge("application/json", ascii("{\"a\":1}")))
                .isEqualTo(new Verdict(false, "application/json"));
        assertThat(judge("text/plain", ascii("<html>")))
                .isEqualTo(new Verdict(false, "text/plain"));
    }

    @Test
    void sniffsHtmlWhenTheHeaderIsMissing() {
        assertThat(judge(null, ascii("\n  <!DOCTYPE HTML><html>")))
                .isEqualTo(new Verdict(true, "text/html"));
        assertThat(judge(null, ascii("<p>paragraph"))).isEqualTo(new Verdict(true, "text/html"));
    }

    @Test
    void treatsUnlabelledNonHtmlAsOctetStream() {
        assertThat(judge(null, ascii("just words")))
                .isEqualTo(new Verdict(false, ContentSniffer.UNKNOWN));
        assertThat(judge(null, ascii("<pre>x")))
                .isEqualTo(new Verdict(false, ContentSniffer.UNKNOWN));
    }

    @Test
    void recognisesCommonBinarySignatures() {
        assertThat(ContentSniffer.signatureType(ascii("GIF89a...."), 10)).contains("image/gif");
        assertThat(
                        ContentSniffer.signatureType(
                                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}, 4))
                .contains("image/jpeg");
        assertThat(ContentSniffer.signatureType(ascii("RIFF\0\0\0\0WEBPVP8 "), 16))
                .contains("image/webp");
        assertThat(ContentSniffer.signatureType(ascii("PK\u0003\u0004"), 4))
                .contains("application/zip");
        assertThat(ContentSniffer.signatureType(ascii("RIFX\0\0\0\0WEBP"), 12)).isEmpty();
        assertThat(ContentSniffer.signatureType(ascii("<html>"), 6)).isEmpty();
    }

    @Test
    void judgesOnlyTheBytesItIsGiven() {
        byte[] buffer = new byte[ContentSniffer.SNIFF_BYTES];
        System.arraycopy(ascii("<p>x"), 0, buffer, 0, 4);

        assertThat(ContentSniffer.judge(Optional.empty(), buffer, 4).html()).isTrue();
    }
}
