package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions' environment from the real template, resolved against local queues. */
class FunctionEnvironmentTest {

    private static final SamTemplate TEMPLATE = SamTemplate.read(Path.of("../template.yaml"));
    private static final String CRAWL_QUEUE_URL = "http://127.0.0.1:9324/000000000000/CrawlQueue";
    private static final Map<String, String> RUNNER =
            Map.of(
                    "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324",
                    "OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200",
                    "OPENSEARCH_AUTH", "none");

    private final Intrinsics intrinsics =
            TEMPLATE.intrinsics(
                    new QueueValues(
                            Map.of(
                                    "CrawlQueue",
                                    new LocalQueue(
                                            "CrawlQueue",
                                            "CrawlQueue",
                                            CRAWL_QUEUE_URL,
                                            "arn:aws:sqs:us-east-1:000000000000:CrawlQueue"),
                                    "BackfillQueue",
                                    new LocalQueue(
                                            "BackfillQueue",
                                            "BackfillQueue",
                                            "http://127.0.0.1:9324/000000000000/BackfillQueue",
                                            "arn:aws:sqs:us-east-1:000000000000:BackfillQueue"))));

    @Test
    void templateVariablesResolveToLocalValuesAndTheRunnerPointsAtLocalServices() {
        Map<String, String> environment =
                FunctionEnvironment.resolve(
                        TEMPLATE.function("SubmitLinkFunction"), intrinsics, RUNNER, Map.of());

        assertThat(environment)
                .containsEntry("QUEUE_URL", CRAWL_QUEUE_URL)
                .containsEntry("INDEX_NAME", "links")
                .containsEntry("OPENSEARCH_SERVICE", "es")
                .containsEntry("OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200")
                .containsEntry("OPENSEARCH_AUTH", "none")
                .containsEntry("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "SubmitLinkFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                .doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void envOptionWinsOverEverything() {
        Map<String, String> environment =
                FunctionEnvironment.resolve(
                        TEMPLATE.function("SubmitLinkFunction"),
                        intrinsics,
                        RUNNER,
                        Map.of(
                                "ALLOWED_PRIVATE_HOSTS",
                                "127.0.0.1:8000",
                                "OPENSEARCH_AUTH",
                                "sigv4"));

        assertThat(environment)
                .containsEntry("ALLOWED_PRIVATE_HOSTS", "127.0.0.1:8000")
                .containsEntry("OPENSEARCH_AUTH", "sigv4");
    }

    @Test
    void aVariableOnlyAwsCanResolveNeedsAnOverride() {
        assertThatThrownBy(
                        () ->
                                FunctionEnvironment.resolve(
                                        TEMPLATE.function("SubmitLinkFunction"),
                                        intrinsics,
                                        Map.of(),
                                        Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("OPENSEARCH_ENDPOINT")
                .hasMessageContaining("LinksDomain.DomainEndpoint")
                .hasMessageContaining("--env OPENSEARCH_ENDPOINT=");
    }

    @Test
    void numberParametersBecomeText() {
        Map<String, String> environment =
                FunctionEnvironment.resolve(
                        TEMPLATE.function("CrawlLinkFunction"), intrinsics, RUNNER, Map.of());

        assertThat(environment)
                .containsEntry("FETCH_DEADLINE_MS", "15000")
                .containsEntry("CRAWL_MAX_PER_OWNER", "10")
                .containsEntry("CRAWL_QUEUE_URL", CRAWL_QUEUE_URL)
                .containsEntry("MAX_RECEIVES", "5")
                .containsEntry("ALLOWED_PORTS", "80,443,8080,8443");
    }
}
