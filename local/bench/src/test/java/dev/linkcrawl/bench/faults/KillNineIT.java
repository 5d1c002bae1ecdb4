package dev.linkcrawl.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.backfill.BackfillQueue;
import dev.linkcrawl.backfill.ImportBookmarks;
import dev.linkcrawl.backfill.ImportResult;
import dev.linkcrawl.backfill.ImportUpload;
import dev.linkcrawl.backfill.SqsBackfillQueue;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.bench.harness.Reconciliation;
import dev.linkcrawl.local.LinksApi;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./linkcrawl dev} killed with {@code kill -9} while crawls are fetching, links are being
 * submitted and an import is sending, then started again on the same state folder: nothing that was
 * accepted is lost, because queue messages (ElasticMQ's H2 store) and documents (OpenSearch's
 * translog) persist under the state folder, and a message whose crawl died with the process comes
 * back after its visibility timeout.
 *
 * <p>The stack is a child JVM ({@link DevProcess}) with its own OpenSearch node, so the kill is
 * real. Work queues get a 3 s visibility timeout at run time (the template's is 180 s) and the
 * fetch deadline is 20 s, so that fetches held by the page site are still in flight at the kill.
 * The import ({@link ImportBookmarks} with its real SQS queue, reading the upload slowly) runs in
 * this JVM against the stack's BackfillQueue, since the runner does not trigger imports yet; when
 * its queue dies it stops and reports what it did not queue, and is run again after the restart, as
 * Lambda retries an incomplete import.
 *
 * <p>The importer may use all four backfill crawls ({@code BackfillMaxPerOwner} = 4, the template's
 * is 2): the import is the only backfill owner here, and at two at once its 820 messages drain at a
 * pace set by how fast this machine crawls, which once outlasted the wait (331 messages still
 * deferred after 240 s). Places held by the crawls the kill cut short still defer messages after
 * the restart until they run out, and the wait allows for the longest deferral (5 minutes).
 */
class KillNineIT {

    @TempDir Path state;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedStackLosesNothingItAcceptedAndResumesAfterARestart() throws Exception {
        long start = System.nanoTime();
        try (PageSite site = PageSite.start(0);
                DevProcess dev =
                        new DevProcess(
                                state,
                                Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()),
                                Map.of("FetchDeadlineMs", "20000", "BackfillMaxPerOwner", "4"))) {
            dev.start();
            LinksApi api = new LinksApi(dev.endpoints().apiUrl(), site.hostPort());
            String backfillQueue = dev.endpoints().queues().get("BackfillQueue").url();
            String owner = "survivor";
            String importer = "survivor-import";
            List<String> importLines =
                    IntStream.range(0, 600)
                            .mapToObj(n -> site.url("/kill/import/" + n).toString())
                            .toList();
            UploadedExport export = new UploadedExport(importLines, Duration.ofMillis(10));
            AtomicInteger batchesSent = new AtomicInteger();
            ImportUpload upload =
                    new ImportUpload("imports", "imports/" + importer + "/urls.txt", importer);

            List<LinksApi.Answer> answers = new CopyOnWriteArrayList<>();
            Set<String> heldAtKill;
            ImportResult interrupted;
            try (SqsClient sqs = dev.sqsClient()) {
                dev.visibilityTimeout(sqs, 3);
                site.hold(path -> path.startsWith("/kill/held/"));
                answers.addAll(api.postAll(owner, pages(site, "/kill/held/", 30), 6));

                AtomicBoolean submitting = new AtomicBoolean(true);
                CompletableFuture<Void> submitter =
                        CompletableFuture.runAsync(
                                () -> {
                                    for (int n = 0; submitting.get(); n++) {
                                        try {
                                            answers.add(
                                                    api.post(
                                                            owner,
                                                            site.url("/kill/live/" + n)
                                                                    .toString()));
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                });
                CompletableFuture<ImportResult> firstImport =
                        CompletableFuture.supplyAsync(
                                () ->
                                        runImport(
                                                export,
                                                upload,
                                                dev,
                                                backfillQueue,
                                                site,
                                                batchesSent));

                await(() -> site.held() >= 10, "fetches in flight");
                // The import sends the 8 KiB it reads to tell the format at once, then line by
                // line.
                await(() -> batchesSent.get() >= 22, "the import under way");
                heldAtKill = site.heldPaths();
                dev.kill();
                submitting.set(false);
                submitter.get(60, TimeUnit.SECONDS);
                interrupted = firstImport.get(120, TimeUnit.SECONDS);
                site.release();
            }

            dev.start();
            ImportResult resumed;
            Settled settled;
            try (SqsClient sqs = dev.sqsClient()) {
                dev.visibilityTimeout(sqs, 3);
                resumed = runImport(export, upload, dev, backfillQueue, site, new AtomicInteger());
                PipelineQueues queues = dev.queues(sqs);
                settled =
                        Settled.await(
                                sqs,
                                queues,
                                new IndexScan(dev.endpoints().openSearchEndpoint(), "links"),
                                Set.of(owner, importer),
                                Duration.ofSeconds(420));
            }

            Set<String> accepted = new HashSet<>();
            Set<String> unknown = new HashSet<>();
            for (LinksApi.Answer answer : answers) {
                if (answer.accepted()) {
                    accepted.add(answer.id());
                } else if (answer.status() == 0) {
                    unknown.add(api.idOf(owner, answer.url()));
                }
            }
            importLines.forEach(url -> accepted.add(api.idOf(importer, url)));
            Set<String> heldIds =
                    heldAtKill.stream()
                            .map(path -> api.idOf(owner, site.url(path).toString()))
                            .collect(Collectors.toSet());
            Reconciliation all = settled.against(accepted, unknown);
            Reconciliation midFetch = settled.only(heldIds).against(heldIds);
            System.out.println(
                    midFetch.line("killed-mid-fetch", Duration.ofNanos(System.nanoTime() - start)));
            System.out.println(all.line("kill-9", Duration.ofNanos(System.nanoTime() - start)));
            System.out.println(
                    "  api: 202="
                            + answers.stream().filter(LinksApi.Answer::accepted).count()
                            + " unanswered="
                            + unknown.size()
                            + "; import before the kill: accepted="
                            + interrupted.accepted()
                            + " notEnqueued="
                            + interrupted.notEnqueued()
                            + " stopped="
                            + interrupted.stopped().map(Object::toString).orElse("no")
                            + "; after the restart: accepted="
                            + resumed.accepted()
                            + " complete="
                            + resumed.complete());

            assertThat(heldIds).as("fetches were in flight at the kill").hasSizeGreaterThan(9);
            assertThat(interrupted.complete()).as("the import was cut by the kill").isFalse();
            assertThat(resumed.complete()).isTrue();
            assertThat(midFetch.lost()).isEmpty();
            assertThat(all.lost()).isEmpty();
            assertThat(all.unexpected()).isEmpty();
        }
    }

    private static List<String> pages(PageSite site, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> site.url(prefix + n).toString()).toList();
    }

    private static ImportResult runImport(
            UploadedExport export,
            ImportUpload upload,
            DevProcess dev,
            String queueUrl,
            PageSite site,
            AtomicInteger batchesSent) {
        try (SqsClient sqs = dev.sqsClient()) {
            SqsBackfillQueue queue = new SqsBackfillQueue(sqs, queueUrl);
            ImportBookmarks importBookmarks =
                    new ImportBookmarks(
                            export,
                            batch -> {
                                List<BackfillQueue.Failure> failures = queue.send(batch);
                                batchesSent.incrementAndGet();
                                return failures;
                            },
                            new UrlPolicy(
                                    UrlPolicy.DEFAULT_PORTS,
                                    Set.of(HostPort.parse(site.hostPort()))),
                            Clock.systemUTC());
            return switch (importBookmarks.run(upload, Instant.MAX)) {
                case ImportBookmarks.Outcome.Imported imported -> imported.result();
                case ImportBookmarks.Outcome.Missing missing ->
                        throw new AssertionError("the upload is there");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what)
            throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("waited in vain for " + what);
            }
            Thread.sleep(20);
        }
    }
}
