package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.testing.EmbeddedSqs;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Imports of 100,000 lines: the heap stays bounded whatever the file's size, and the rate at which
 * links reach a real SQS-compatible queue. Figures are printed to this class's failsafe output
 * ({@code target/failsafe-reports/dev.linkcrawl.backfill.LargeImportIT-output.txt}).
 */
class LargeImportIT {

    private static final SampleEvents EVENTS = new SampleEvents("backfill-links");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES = 100_000;
    private static final long MAX_HEAP_GROWTH = 128L * 1024 * 1024;

    /** Each bookmark carries a Firefox-like icon, so the export outgrows the heap bound. */
    private static final String ICON = "data:image/png;base64," + "iVBORw0KGgo".repeat(140);

    private static final String BUCKET = "linkcrawl-imports-123456789012-us-east-1";

    @RegisterExtension
    static final S3MockExtension S3_MOCK =
            S3MockExtension.builder()
                    .silent()
                    .withSecureConnection(false)
                    .withProperty("server.address", "127.0.0.1")
                    .withInitialBuckets(BUCKET)
                    .build();

    @Test
    void aHundredThousandLineExportImportsInBoundedHeap() throws Exception {
        HeapProbe heap = new HeapProbe();
        GeneratedExport export =
                new GeneratedExport(
                        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n",
                        n ->
                                "    <DT><A HREF=\"https://example.com/bookmarks/"
                                        + n
                                        + "?utm_source=export\" ADD_DATE=\"1700000000\" ICON=\""
                                        + ICON
                                        + "\" TAGS=\"bench,group"
                                        + (n % 100)
                                        + "\">Bookmark number "
                                        + n
                                        + "</A>\n",
                        LINES,
                        "</DL><p>\n",
                        10_000,
                        n -> heap.sample());
        InMemoryImportStore store = new InMemoryImportStore();
        store.put("imports/bench/bookmarks.html", () -> export);
        CountingQueue queue = new CountingQueue();
        ImportBookmarks importBookmarks =
                new ImportBookmarks(store, queue, UrlPolicy.DEFAULT, Clock.systemUTC());
        ImportUpload upload = new ImportUpload(BUCKET, "imports/bench/bookmarks.html", "bench");

        heap.baseline();
        long started = System.nanoTime();
        ImportResult result =
                ((ImportBookmarks.Outcome.Imported) importBookmarks.run(upload, Instant.MAX))
                        .result();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        heap.sample();

        System.out.printf(
                "heap: %,d lines (%.1f MiB streamed) imported in %,d ms; heap growth %.1f MiB"
                        + " (largest of %d samples after GC, baseline %.1f MiB, bound %d MiB)%n",
                LINES,
                export.bytes() / 1048576.0,
                tookMs,
                heap.growth() / 1048576.0,
                heap.samples,
                heap.baseline / 1048576.0,
                MAX_HEAP_GROWTH >> 20);
        assertThat(result.accepted()).isEqualTo(LINES);
        assertThat(queue.count).isEqualTo(LINES);
        assertThat(export.bytes())
                .as("the export is larger than the bound, so it cannot have been held whole")
                .isGreaterThan(MAX_HEAP_GROWTH);
        assertThat(heap.samples).isGreaterThanOrEqualTo(LINES / 10_000);
        assertThat(heap.growth()).isLessThan(MAX_HEAP_GROWTH);
    }

    /** The measure above would catch an import that held the file: here one does. */
    @Test
    void theHeapProbeSeesAnExportHeldWhole() throws Exception {
        HeapProbe heap = new HeapProbe();
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        GeneratedExport export =
                new GeneratedExport("", n -> ICON + "\n", LINES, "", 10_000, n -> heap.sample());

        heap.baseline();
        export.transferTo(held);
        heap.sample();

        assertThat(held.size()).isGreaterThan((int) MAX_HEAP_GROWTH);
        assertThat(heap.growth()).isGreaterThan(MAX_HEAP_GROWTH);
    }

    @Test
    void aHundredThousandLinkImportReachesElasticMqAtAMeasuredRate() throws Exception {
        try (EmbeddedSqs sqs = EmbeddedSqs.start();
                S3Client s3 = S3_MOCK.createS3ClientV2()) {
            String queueUrl = sqs.createQueue("backfill-rate");
            String key = "imports/bench/links.txt";
            GeneratedExport export = GeneratedExport.plainText(LINES);
            byte[] text = export.readAllBytes();
            s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(text));
            BackfillLinksHandler handler =
                    new BackfillLinksHandler(
                            Settings.from(
                                    Map.of(
                                            "AWS_REGION",
                                            EmbeddedSqs.REGION,
                                            "AWS_ENDPOINT_URL_SQS",
                                            sqs.endpoint().toString(),
                                            "AWS_ENDPOINT_URL_S3",
                                            "http://127.0.0.1:" + S3_MOCK.getHttpPort(),
                                            "QUEUE_URL",
                                            queueUrl)));
            byte[] event =
                    new String(EVENTS.bytes("import-netscape.json"), StandardCharsets.UTF_8)
                            .replace("imports/alice/bookmarks.html", key)
                            .getBytes(StandardCharsets.UTF_8);

            long started = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            double seconds = (System.nanoTime() - started) / 1e9;

            JsonNode item = JSON.readTree(out.toByteArray()).get("imports").get(0);
            int accepted = item.get("accepted").asInt();
            System.out.printf(
                    "rate: %,d links from S3Mock onto ElasticMQ in %.1f s: %,.0f msgs/s"
                            + " (SendMessageBatch of 10, one batch in flight)%n",
                    accepted, seconds, accepted / seconds);
            assertThat(accepted).isEqualTo(LINES);
            assertThat(item.get("notEnqueued").asInt()).isZero();
            assertThat(
                            sqs.client()
                                    .getQueueAttributes(
                                            get ->
                                                    get.queueUrl(queueUrl)
                                                            .attributeNamesWithStrings(
                                                                    "ApproximateNumberOfMessages"))
                                    .attributesAsStrings()
                                    .get("ApproximateNumberOfMessages"))
                    .isEqualTo(Integer.toString(LINES));
        }
    }

    /** Heap in use after a full collection: what is really retained, not garbage yet to go. */
    private static final class HeapProbe {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private long baseline;
        private long largest;
        private int samples;

        void baseline() {
            baseline = settled();
            largest = baseline;
            samples = 0;
        }

        void sample() {
            largest = Math.max(largest, settled());
            samples++;
        }

        long growth() {
            return largest - baseline;
        }

        private long settled() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }
    }

    /** Counts what it is sent and keeps nothing, so the queue adds nothing to the heap. */
    private static final class CountingQueue implements BackfillQueue {
        int count;

        @Override
        public List<Failure> send(List<CrawlMessage> batch) {
            count += batch.size();
            return List.of();
        }
    }
}
