package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void prefersExtendedFilenameFromContentDisposition() {
        String header =
                "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf";

        assertThat(FileName.of(header, url("https://example.com/download?id=1")))
                .contains("€ rates.pdf");
    }

    @Test
    void readsQuotedFilenameWithSemicolonAndEscapes() {
        String header = "inline; filename=\"a;b \\\"c\\\".pdf\"";

        assertThat(FileName.fromDisposition(header)).contains("a;b \"c\".pdf");
    }

    @Test
    void keepsOnlyTheBaseName() {
        assertThat(FileName.fromDisposition("attachment; filename=\"../../etc/passwd\""))
                .contains("passwd");
        assertThat(FileName.fromDisposition("attachment; filename=C:\\temp\\x.exe"))
                .contains("x.exe");
    }

    @Test
    void dropsControlCharacters() {
        assertThat(FileName.fromDisposition("attachment; filename*=UTF-8''a%0Ab%00c.txt"))
                .contains("abc.txt");
    }

    @Test
    void fallsBackToTheLastPathSegment() {
        assertThat(FileName.of(null, url("https://example.com/files/report%202024.pdf?x=1")))
                .contains("report 2024.pdf");
    }

    @Test
    void hasNoNameForADirectoryPath() {
        assertThat(FileName.of(null, url("https://example.com/files/"))).isEmpty();
        assertThat(FileName.of("attachment", url("https://example.com/"))).isEmpty();
    }

    @Test
    void cutsLongNames() {
        String header = "attachment; filename=" + "a".repeat(400) + ".bin";

        assertThat(FileName.fromDisposition(header).orElseThrow()).hasSize(FileName.MAX_LENGTH);
    }
}
