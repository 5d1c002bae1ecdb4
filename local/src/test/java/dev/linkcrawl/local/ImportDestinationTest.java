package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where {@code ./linkcrawl import}'s upload goes, as the template's S3 events say. */
class ImportDestinationTest {

    private static final SamTemplate TEMPLATE = SamTemplate.read(Path.of("../template.yaml"));

    @Test
    void destinationIsTheBucketAndFunctionOfTheTemplatesS3Event() {
        ImportDestination destination =
                ImportDestination.of(TEMPLATE, endpoints(), "imports/alice/b.html");

        assertThat(destination.bucket().bucketName())
                .isEqualTo("linkcrawl-imports-000000000000-us-east-1");
        assertThat(destination.function().logicalId()).isEqualTo("BackfillLinksFunction");
        assertThat(destination.resultKey()).isEqualTo("imports/alice/b.html.result.json");
    }

    @Test
    void keyNoS3EventWatchesHasNoDestination() {
        assertThatThrownBy(() -> ImportDestination.of(TEMPLATE, endpoints(), "elsewhere/b"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no S3 event of template.yaml is raised for elsewhere/b");
    }

    private static Endpoints endpoints() {
        return new Endpoints(
                1,
                Instant.parse("2026-11-27T10:00:00Z"),
                URI.create("http://127.0.0.1:3000"),
                URI.create("http://127.0.0.1:9324"),
                URI.create("http://127.0.0.1:9200"),
                URI.create("http://127.0.0.1:9090"),
                URI.create("http://127.0.0.1:9400"),
                Map.of(),
                Map.of(
                        "ImportBucket",
                        new BucketResource(
                                "ImportBucket", "linkcrawl-imports-000000000000-us-east-1")));
    }
}
