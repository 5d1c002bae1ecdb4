package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the project's own template.yaml, as the benchmark does. */
class BenchFunctionTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final SamTemplate TEMPLATE = SamTemplate.read(ROOT.resolve("template.yaml"));

    @Test
    void namesTheFunctionAfterItsJar() {
        BenchFunction crawl = BenchFunction.of(TEMPLATE.function("CrawlLinkFunction"), ROOT);

        assertThat(crawl.name()).isEqualTo("crawl-link");
        assertThat(crawl.jar())
                .isEqualTo(ROOT.resolve("functions/crawl-link/target/crawl-link.jar"));
    }

    @Test
    void theEnvironmentIsLambdasWithTheTemplatesJvmOptionsAndLocalEndpoints() {
        BenchFunction submit = BenchFunction.of(TEMPLATE.function("SubmitLinkFunction"), ROOT);
        String queueUrl = "http://127.0.0.1:9324/000000000000/CrawlQueue";
        Intrinsics intrinsics =
                TEMPLATE.intrinsics(
                        new QueueValues(
                                Map.of(
                                        "CrawlQueue",
                                        new LocalQueue(
                                                "CrawlQueue",
                                                "CrawlQueue",
                                                queueUrl,
                                                "arn:aws:sqs:us-east-1:000000000000:CrawlQueue"))));

        Map<String, String> environment =
                submit.environment(
                        intrinsics,
                        Map.of(
                                "OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200",
                                "OPENSEARCH_AUTH", "none"));

        assertThat(environment)
                .containsEntry("QUEUE_URL", queueUrl)
                .containsEntry(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "SubmitLinkFunction")
                .containsEntry("OPENSEARCH_AUTH", "none")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");
    }
}
