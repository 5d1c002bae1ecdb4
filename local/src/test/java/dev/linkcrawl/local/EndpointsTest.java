package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.template.BucketResource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    @TempDir Path state;

    @Test
    void whatDevWritesInvokeReadsBackWithQueuesInTemplateOrder() throws IOException {
        Map<String, LocalQueue> queues = new LinkedHashMap<>();
        queues.put(
                "CrawlQueue",
                new LocalQueue(
                        "CrawlQueue",
                        "CrawlQueue",
                        "http://127.0.0.1:9324/000000000000/CrawlQueue",
                        "arn:aws:sqs:us-east-1:000000000000:CrawlQueue"));
        queues.put(
                "BackfillQueue",
                new LocalQueue(
                        "BackfillQueue",
                        "BackfillQueue",
                        "http://127.0.0.1:9324/000000000000/BackfillQueue",
                        "arn:aws:sqs:us-east-1:000000000000:BackfillQueue"));
        Endpoints written =
                new Endpoints(
                        4242,
                        Instant.parse("2026-11-27T10:00:00Z"),
                        URI.create("http://127.0.0.1:3000"),
                        URI.create("http://127.0.0.1:9324"),
                        URI.create("http://127.0.0.1:9200"),
                        URI.create("http://127.0.0.1:9090"),
                        URI.create("http://127.0.0.1:9400"),
                        queues,
                        Map.of(
                                "ImportBucket",
                                new BucketResource(
                                        "ImportBucket",
                                        "linkcrawl-imports-000000000000-us-east-1")));

        written.write(state);
        Endpoints read = Endpoints.read(state);

        assertThat(read).isEqualTo(written);
        assertThat(read.queues().keySet()).containsExactly("CrawlQueue", "BackfillQueue");
        assertThat(read.buckets().get("ImportBucket").arn())
                .isEqualTo("arn:aws:s3:::linkcrawl-imports-000000000000-us-east-1");
    }

    @Test
    void somethingElseInThePlaceOfTheFileIsAnError() throws IOException {
        Files.writeString(Endpoints.file(state), "{\"pid\":1}");

        assertThatThrownBy(() -> Endpoints.read(state)).isInstanceOf(IOException.class);
    }
}
