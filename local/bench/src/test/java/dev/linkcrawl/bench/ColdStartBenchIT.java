package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end on the submit function's jar: ElasticMQ, S3Mock and OpenSearch start,
 * one cold and one primed probe JVM each post the sample link and the message is checked on the
 * queue, and the last line is the results JSON.
 */
class ColdStartBenchIT {

    @Test
    void measuresTheSubmitFunctionColdAndPrimedFromItsJar() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int status =
                ColdStartBench.run(
                        ColdStartBench.Options.parse(
                                "--runs",
                                "1",
                                "--functions",
                                "submit-link",
                                "--project",
                                Path.of("../..").toAbsolutePath().normalize().toString()),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(log, true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode submit =
                new ObjectMapper()
                        .readTree(lines[lines.length - 1])
                        .path("functions")
                        .path("submit-link");
        assertThat(status).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("202, ")
                .contains("on CrawlQueue");
        assertThat(submit.path("jarMb").asDouble()).isBetween(1.0, 20.0);
        assertThat(submit.path("initMs").asLong()).isPositive();
        assertThat(submit.path("firstInvokeMs").asLong()).isPositive();
        assertThat(submit.path("primeMs").asLong()).isPositive();
        assertThat(submit.path("primedFirstInvokeMs").asLong()).isPositive();
    }
}
