package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

    @Test
    void barFillsWithTheShareOfTheEstimateQueued() {
        String line =
                ImportProgress.line(
                        OptionalLong.of(500),
                        OptionalLong.of(2000),
                        Duration.ofMillis(3100),
                        "BackfillLinksFunction running");

        assertThat(line)
                .isEqualTo(
                        "[#####...............]  500 of ~2,000 links queued  3.1 s"
                                + "  BackfillLinksFunction running");
    }

    @Test
    void barNeverShowsFullBeforeTheResult() {
        String line =
                ImportProgress.line(
                        OptionalLong.of(2500), OptionalLong.of(2000), Duration.ZERO, "running");

        assertThat(line).startsWith("[###################.]");
    }

    @Test
    void withoutAQueueOnlyTimeAndStatusShow() {
        assertThat(
                        ImportProgress.line(
                                OptionalLong.empty(),
                                OptionalLong.of(10),
                                Duration.ofSeconds(1),
                                "uploading b.html"))
                .isEqualTo("[....................]  1.0 s  uploading b.html");
    }

    @Test
    void estimateCountsHttpAndHttpsLinksInAnyFormat() throws IOException {
        String netscape =
                """
                <DT><A HREF="https://example.com/a" ADD_DATE="1">A</A>
                <DT><A HREF="HTTP://example.org/b">B</A>
                <DD>see also http://example.net/c
                """;

        assertThat(estimate(netscape)).isEqualTo(3);
        assertThat(estimate("url,title\nhttps://a.example/,A\nftp://b.example/,B\n")).isEqualTo(1);
        assertThat(estimate("[{\"href\":\"https://a.example/\"},{\"href\":\"http://b.example/\"}]"))
                .isEqualTo(2);
        assertThat(estimate("no links here, http:/ half one")).isZero();
    }

    private static long estimate(String text) throws IOException {
        return ImportProgress.estimateLinks(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
