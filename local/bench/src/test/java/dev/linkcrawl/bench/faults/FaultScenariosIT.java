package dev.linkcrawl.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.backfill.ImportBookmarks;
import dev.linkcrawl.backfill.ImportResult;
import dev.linkcrawl.backfill.ImportUpload;
import dev.linkcrawl.backfill.SqsBackfillQueue;
import dev.linkcrawl.backfill.StopReason;
import dev.linkcrawl.bench.harness.DeadLetters;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.bench.harness.Reconciliation;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.local.LinksApi;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.testing.EmbeddedOpenSearch;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The promise to users under faults: every link the system accepted ends as a searchable document
 * (crawled, or failed with a reason) or in a dead-letter queue, checked after the pipeline settles
 * as {@code accepted = |documents ∪ dead letters|} (see {@link Reconciliation}), with one summary
 * line per scenario ({@code scenario=… accepted=… documents=… dlq=… ms=…}).
 *
 * <p>The whole stack runs as {@code ./linkcrawl dev} does: a child JVM started from the template,
 * with the crawl and submit functions loaded from their jars and the runner's SQS pollers and API.
 * The template is the project's own with one change, the crawl function's {@code Timeout} cut from
 * 30 s to {@value #CRAWL_TIMEOUT_SECONDS} s ({@link DerivedTemplate}), so that a scenario can
 * outlast it quickly. Two things are put in its way, both on loopback: every function reaches
 * OpenSearch through a {@link FaultProxy} in front of a real node in this JVM ({@link
 * EmbeddedOpenSearch}, which a scenario can stop and restart), and the functions' SQS calls
 * (submit, import) go through another proxy (the runner's own pollers talk to SQS directly). Pages
 * come from a {@link PageSite} the stack exempts with {@code ALLOWED_PRIVATE_HOSTS}. To settle
 * fast, each work queue's visibility timeout is lowered at run time from the template's 180 s to
 * 1–10 s (the runner has no template override for it), and the fetch deadline is 2 s ({@code
 * --parameter FetchDeadlineMs=2000}).
 *
 * <p>The import scenario runs the backfill function's import ({@link ImportBookmarks}, its real
 * {@code SqsBackfillQueue}) in this JVM against the stack's BackfillQueue, because the runner does
 * not trigger imports yet; the stack crawls what it enqueued.
 *
 * <p>Each scenario uses its own owner, and removes the dead letters it counted, so they run in any
 * order on the same stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FaultScenariosIT {

    private static final String INDEX = "faults";

    /** The crawl function's Timeout in the derived template: 8 s (the template's is 30 s). */
    private static final int CRAWL_TIMEOUT_SECONDS = 8;

    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(150);
    private static final Pattern DOC_WRITE =
            Pattern.compile("^/" + INDEX + "/(?:_doc|_create)/([0-9a-f]{32})$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path state;

    private EmbeddedOpenSearch openSearch;
    private FaultProxy openSearchProxy;
    private FaultProxy sqsProxy;
    private PageSite site;
    private DevProcess dev;
    private SqsClient sqs;
    private PipelineQueues queues;
    private IndexScan index;
    private LinksApi api;

    @BeforeAll
    void startStack() throws Exception {
        openSearch = EmbeddedOpenSearch.shared();
        openSearch.start();
        openSearchProxy = FaultProxy.start();
        openSearchProxy.upstream(openSearch.endpoint());
        sqsProxy = FaultProxy.start();
        site = PageSite.start(0);
        dev =
                new DevProcess(
                                DerivedTemplate.withTimeout(
                                        state.resolve("home"),
                                        "CrawlLinkFunction",
                                        CRAWL_TIMEOUT_SECONDS),
                                state.resolve("state"),
                                Map.of(
                                        "OPENSEARCH_ENDPOINT",
                                        openSearchProxy.endpoint().toString(),
                                        "AWS_ENDPOINT_URL_SQS",
                                        sqsProxy.endpoint().toString(),
                                        "ALLOWED_PRIVATE_HOSTS",
                                        site.hostPort()),
                                Map.of("IndexName", INDEX, "FetchDeadlineMs", "2000"))
                        .start();
        sqsProxy.upstream(dev.endpoints().sqsEndpoint());
        sqs = dev.sqsClient();
        queues = dev.queues(sqs);
        dev.visibilityTimeout(sqs, 2);
        index = new IndexScan(openSearch.endpoint(), INDEX);
        api = new LinksApi(dev.endpoints().apiUrl(), site.hostPort());
    }

    @AfterAll
    void stopStack() throws Exception {
        try {
            if (dev != null) {
                dev.close();
            }
        } finally {
            if (sqs != null) {
                sqs.close();
            }
            if (site != null) {
                site.close();
            }
            if (sqsProxy != null) {
                sqsProxy.close();
            }
            if (openSearchProxy != null) {
                openSearchProxy.close();
            }
            // Other test classes in this JVM may start OpenSearch nodes of their own.
            if (openSearch != null) {
                openSearch.stop();
            }
        }
    }

    @Test
    void openSearchStoppedDuringTwoHundredCrawlsLosesNoLink() throws Exception {
        String owner = "outage";
        dev.visibilityTimeout(sqs, 3);
        long start = System.nanoTime();
        List<String> urls = pages("/outage/", 200);

        List<LinksApi.Answer> answers = new CopyOnWriteArrayList<>();
        Thread submitter =
                Thread.ofVirtual()
                        .start(
                                () -> {
                                    try {
                                        answers.addAll(api.postAll(owner, urls, 4));
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                });
        int indexedBeforeStop = awaitDocuments(owner, 40, Duration.ofSeconds(60));
        openSearch.stop();
        Thread.sleep(5_000);
        openSearch.start();
        submitter.join(Duration.ofSeconds(120));
        Settled settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        dev.visibilityTimeout(sqs, 2);

        Reconciliation reconciliation = settled.against(acceptedIds(answers));
        report(reconciliation, "opensearch-stopped", start);
        System.out.println(
                "  documents when OpenSearch stopped="
                        + indexedBeforeStop
                        + ", down for 5 s plus a restart of "
                        + openSearch.lastStartDuration().toMillis()
                        + " ms");
        assertThat(answers).hasSize(200).allMatch(LinksApi.Answer::accepted);
        assertThat(indexedBeforeStop).as("stopped in the middle of the run").isLessThan(200);
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    @Test
    void openSearchThrottlingSomeWritesLosesNoLink() throws Exception {
        String owner = "throttled";
        long start = System.nanoTime();
        Random random = new Random(9);
        AtomicInteger injected = new AtomicInteger();
        openSearchProxy.rule(
                request -> {
                    if (!isDocumentWrite(request)) {
                        return new FaultProxy.Forward();
                    }
                    synchronized (random) {
                        double draw = random.nextDouble();
                        if (draw < 0.15) {
                            injected.incrementAndGet();
                            return openSearchError(429, "es_rejected_execution_exception");
                        }
                        if (draw < 0.30) {
                            injected.incrementAndGet();
                            return openSearchError(503, "unavailable_shards_exception");
                        }
                    }
                    return new FaultProxy.Forward();
                });
        List<LinksApi.Answer> answers;
        Settled settled;
        try {
            answers = api.postAll(owner, pages("/throttled/", 100), 4);
            settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        } finally {
            openSearchProxy.rule(FaultProxy.FORWARD_ALL);
        }

        Reconciliation reconciliation = settled.against(acceptedIds(answers));
        report(reconciliation, "opensearch-429-503", start);
        System.out.println("  injected=" + injected.get() + " (429 or 503 of document writes)");
        printDeliveries(settled.deadLetterKeys());
        assertThat(answers).allMatch(LinksApi.Answer::accepted);
        assertThat(injected.get()).isPositive();
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    @Test
    void sqsDownWhenTheApiIsCalledAnswers503AndNeverAcceptsALinkItDidNotQueue() throws Exception {
        String owner = "sqs-down";
        long start = System.nanoTime();
        List<String> before = pages("/sqs-down/before/", 10);
        List<String> refused = pages("/sqs-down/refused/", 10);
        List<String> failing = pages("/sqs-down/failing/", 10);
        List<String> after = pages("/sqs-down/after/", 10);

        List<LinksApi.Answer> answers = new ArrayList<>(api.postAll(owner, before, 4));
        List<LinksApi.Answer> duringOutage = new ArrayList<>();
        sqsProxy.refuse();
        try {
            duringOutage.addAll(api.postAll(owner, refused, 4));
        } finally {
            sqsProxy.accept();
        }
        sqsProxy.rule(
                request ->
                        new FaultProxy.Reply(
                                500,
                                "application/x-amz-json-1.0",
                                "{\"__type\":\"com.amazonaws.sqs#InternalError\","
                                        + "\"message\":\"injected\"}"));
        try {
            duringOutage.addAll(api.postAll(owner, failing, 4));
        } finally {
            sqsProxy.rule(FaultProxy.FORWARD_ALL);
        }
        Settled beforeRetry = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        Set<String> neverQueued = new HashSet<>();
        duringOutage.forEach(answer -> neverQueued.add(api.idOf(owner, answer.url())));
        // The clients retry after Retry-After, as the 503 asks them to.
        answers.addAll(api.postAll(owner, refused, 4));
        answers.addAll(api.postAll(owner, failing, 4));
        answers.addAll(api.postAll(owner, after, 4));
        Settled settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);

        Reconciliation reconciliation = settled.against(acceptedIds(answers));
        report(reconciliation, "sqs-down-at-api", start);
        assertThat(duringOutage)
                .hasSize(20)
                .allSatisfy(
                        answer -> {
                            assertThat(answer.status()).isEqualTo(503);
                            assertThat(answer.retryAfter()).isPresent();
                        });
        assertThat(beforeRetry.documents().keySet())
                .as("a link answered 503 was not saved")
                .doesNotContainAnyElementsOf(neverQueued);
        assertThat(answers).hasSize(40).allMatch(LinksApi.Answer::accepted);
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    @Test
    void sqsTooSlowForTheApiAnswers503AndARetryStillGivesOneDocument() throws Exception {
        String owner = "sqs-slow";
        long start = System.nanoTime();
        String url = site.url("/sqs-slow/0").toString();
        String id = api.idOf(owner, url);
        AtomicInteger delayed = new AtomicInteger();
        // SQS stores the message, but only after the submit function has given up waiting.
        sqsProxy.rule(
                request -> {
                    if ("AmazonSQS.SendMessage".equals(request.header("X-Amz-Target"))) {
                        delayed.incrementAndGet();
                        return new FaultProxy.Delay(Duration.ofSeconds(8));
                    }
                    return new FaultProxy.Forward();
                });
        LinksApi.Answer slow;
        try {
            slow = api.post(owner, url);
        } finally {
            sqsProxy.rule(FaultProxy.FORWARD_ALL);
        }
        Thread.sleep(10_000); // until the held sends reached SQS
        Settled beforeRetry = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        LinksApi.Answer retried = api.post(owner, url);
        Settled settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);

        Reconciliation reconciliation = settled.against(acceptedIds(List.of(slow, retried)));
        report(reconciliation, "sqs-slow-at-api", start);
        System.out.println(
                "  first answer "
                        + slow.status()
                        + " after "
                        + delayed.get()
                        + " send attempt(s); document before the retry: "
                        + beforeRetry.documents().containsKey(id));
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.retryAfter()).isPresent();
        assertThat(beforeRetry.documents())
                .as("a 503 does not promise that nothing was saved: the queue stored it late")
                .containsKey(id);
        assertThat(retried.accepted()).isTrue();
        assertThat(retried.id()).isEqualTo(id);
        assertThat(settled.documents()).containsOnlyKeys(id);
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    @Test
    void importWithPartialBatchFailuresAndAnOutageReportsExactlyWhatWasNotQueued()
            throws Exception {
        String owner = "importer";
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            lines.add(site.url("/import/" + n).toString());
            if (n % 30 == 7) {
                lines.add(site.url("/import/" + (n - 1)).toString()); // a duplicate
            }
            if (n % 30 == 19) {
                lines.add("ftp://example.com/not-crawlable-" + n); // refused by the rules
            }
        }
        ImportUpload upload = new ImportUpload("imports", "imports/" + owner + "/urls.txt", owner);
        UploadedExport export = new UploadedExport(lines, Duration.ZERO);
        String backfillQueue = dev.endpoints().queues().get("BackfillQueue").url();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger droppedEntries = new AtomicInteger();
        sqsProxy.rule(
                request -> {
                    if (!"AmazonSQS.SendMessageBatch".equals(request.header("X-Amz-Target"))) {
                        return new FaultProxy.Forward();
                    }
                    int batch = batches.incrementAndGet();
                    if (batch > 12) {
                        return new FaultProxy.Reply(
                                503,
                                "application/x-amz-json-1.0",
                                "{\"__type\":\"com.amazonaws.sqs#ServiceUnavailable\","
                                        + "\"message\":\"injected outage\"}");
                    }
                    return batch % 3 == 0
                            ? partialBatchFailure(droppedEntries)
                            : new FaultProxy.Forward();
                });
        ImportResult first;
        try (SqsClient importSqs = LocalSqs.client(sqsProxy.endpoint())) {
            first = importer(export, importSqs, backfillQueue).result(upload);
        } finally {
            sqsProxy.rule(FaultProxy.FORWARD_ALL);
        }
        Settled afterFirst = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);

        Set<Integer> notEnqueuedLines =
                first.errors().stream()
                        .filter(error -> error.reason().equals("not_enqueued"))
                        .map(ImportResult.LineError::line)
                        .collect(Collectors.toSet());
        Set<String> reportedQueued = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int stopLine = first.stopped().orElseThrow().line();
        for (int line = 1; line <= stopLine; line++) {
            String url = lines.get(line - 1);
            if (url.startsWith("ftp:") || !seen.add(url)) {
                continue;
            }
            if (!notEnqueuedLines.contains(line)) {
                reportedQueued.add(api.idOf(owner, url));
            }
        }

        // Running the import again (Lambda retries an incomplete one) queues the rest.
        ImportResult second;
        try (SqsClient importSqs = LocalSqs.client(sqsProxy.endpoint())) {
            second = importer(export, importSqs, backfillQueue).result(upload);
        }
        Settled settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        Set<String> allValid =
                lines.stream()
                        .filter(url -> !url.startsWith("ftp:"))
                        .map(url -> api.idOf(owner, url))
                        .collect(Collectors.toSet());

        Reconciliation reconciliation = settled.against(allValid);
        report(reconciliation, "import-sqs-faults", start);
        System.out.println(
                "  first run: accepted="
                        + first.accepted()
                        + " notEnqueued="
                        + first.notEnqueued()
                        + " stopped="
                        + first.stopped().orElseThrow()
                        + " partialBatchEntriesFailed="
                        + droppedEntries.get()
                        + "; second run: accepted="
                        + second.accepted()
                        + " complete="
                        + second.complete());
        assertThat(droppedEntries.get()).as("some entries failed inside a batch").isPositive();
        assertThat(first.stopped().orElseThrow().reason()).isEqualTo(StopReason.QUEUE_UNAVAILABLE);
        assertThat(first.notEnqueued()).isEqualTo(notEnqueuedLines.size()).isPositive();
        assertThat(afterFirst.documents().keySet())
                .as("the first run queued exactly what its result says")
                .isEqualTo(reportedQueued);
        assertThat(first.accepted()).isEqualTo(reportedQueued.size());
        assertThat(second.complete()).isTrue();
        assertThat(second.notEnqueued()).isZero();
        assertThat(second.accepted()).isEqualTo(allValid.size());
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    @Test
    void duplicateDeliveriesLeaveOneDocumentWhoseVersionNeverGoesBack() throws Exception {
        String owner = "duplicates";
        dev.visibilityTimeout(sqs, 10);
        long start = System.nanoTime();
        String url = site.url("/duplicates/0").toString();
        String id = api.idOf(owner, url);
        String body =
                new CrawlMessageCodec()
                        .encode(
                                new CrawlMessage(
                                        new LinkId(id),
                                        url,
                                        owner,
                                        Instant.now(),
                                        CrawlSource.API,
                                        List.of(),
                                        null));
        List<long[]> writes = new CopyOnWriteArrayList<>(); // {version, status}
        openSearchProxy.observe(
                (request, status) -> {
                    Matcher write = DOC_WRITE.matcher(request.path());
                    if (write.matches() && write.group(1).equals(id)) {
                        writes.add(new long[] {version(request.query()), status});
                    }
                });
        AtomicBoolean first = new AtomicBoolean(true);
        site.hold(path -> path.equals("/duplicates/0") && first.getAndSet(false));
        List<Long> observedVersions = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher =
                Thread.ofVirtual().start(() -> watchVersion(id, observedVersions, watching));
        try {
            String queue = dev.endpoints().queues().get("CrawlQueue").url();
            sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body));
            awaitHeld(1);
            // The same message again, three times, while the first delivery is still fetching.
            for (int copy = 0; copy < 3; copy++) {
                sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body));
            }
            awaitWrites(writes, 1);
            site.release();
            Settled settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
            watching.set(false);
            watcher.join();

            Reconciliation reconciliation = settled.against(Set.of(id));
            report(reconciliation, "duplicate-delivery", start);
            long stored = settled.documents().get(id).version();
            long newestWritten =
                    writes.stream()
                            .filter(w -> w[1] < 300)
                            .mapToLong(w -> w[0])
                            .max()
                            .orElseThrow();
            System.out.println(
                    "  writes(version:status)="
                            + writes.stream()
                                    .map(w -> w[0] + ":" + w[1])
                                    .collect(Collectors.joining(","))
                            + " stored="
                            + stored);
            assertThat(settled.documents()).hasSize(1);
            assertThat(stored).isEqualTo(newestWritten);
            assertThat(writes)
                    .as("the first delivery, older, was refused when it finally wrote")
                    .anySatisfy(
                            w -> {
                                assertThat(w[1]).isEqualTo(409);
                                assertThat(w[0]).isLessThan(stored);
                            });
            assertThat(observedVersions).isSorted();
            assertThat(reconciliation.lost()).isEmpty();
            assertThat(reconciliation.unexpected()).isEmpty();
        } finally {
            watching.set(false);
            site.release();
            openSearchProxy.observe((request, status) -> {});
            dev.visibilityTimeout(sqs, 2);
        }
    }

    @Test
    void indexWriteHangingPastTheFunctionTimeoutIsGivenUpInTimeAndRetried() throws Exception {
        String owner = "stalled";
        // A warm function with its index in place: this scenario is about a write that stalls,
        // not about a cold start creating the index.
        api.post(owner, site.url("/stalled/warm-up").toString());
        Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        dev.visibilityTimeout(sqs, CRAWL_TIMEOUT_SECONDS + 2);
        long start = System.nanoTime();
        int logFrom = dev.log().length();
        String url = site.url("/stalled/0").toString();
        String id = api.idOf(owner, url);
        AtomicBoolean first = new AtomicBoolean(true);
        openSearchProxy.rule(
                request -> {
                    Matcher write = DOC_WRITE.matcher(request.path());
                    return write.matches() && write.group(1).equals(id) && first.getAndSet(false)
                            ? new FaultProxy.Delay(Duration.ofSeconds(3L * CRAWL_TIMEOUT_SECONDS))
                            : new FaultProxy.Forward();
                });
        Settled settled;
        LinksApi.Answer answer;
        try {
            answer = api.post(owner, url);
            settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        } finally {
            openSearchProxy.rule(FaultProxy.FORWARD_ALL);
            dev.visibilityTimeout(sqs, 2);
        }

        Reconciliation reconciliation =
                settled.only(Set.of(id)).against(acceptedIds(List.of(answer)));
        report(reconciliation, "index-hangs-past-timeout", start);
        List<String> crawls =
                dev.log()
                        .substring(logFrom)
                        .lines()
                        .filter(line -> line.startsWith("CrawlLinkFunction "))
                        .toList();
        crawls.forEach(line -> System.out.println("  " + line));
        assertThat(first).as("the first write was held").isFalse();
        assertThat(crawls)
                .as("the crawl gave up on the index before its function timeout")
                .noneMatch(line -> line.contains("timed out"))
                .anyMatch(line -> line.contains("batch item failure"));
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
        assertThat(settled.documents()).containsKey(id);
    }

    @Test
    void poisonMessagesEndInTheDeadLetterQueueAndRefusedUrlsAsFailedDocuments() throws Exception {
        String owner = "poison";
        dev.visibilityTimeout(sqs, 1);
        long start = System.nanoTime();
        CrawlMessageCodec codec = new CrawlMessageCodec();
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put("not-json", "this is not JSON {");
        ObjectNode v2 = valid(owner, site.url("/poison/v2").toString());
        v2.put("v", 2);
        poison.put("wrong-version", v2.toString());
        ObjectNode missing = valid(owner, site.url("/poison/missing").toString());
        missing.remove("submittedAt");
        poison.put("missing-field", missing.toString());
        ObjectNode unknown = valid(owner, site.url("/poison/unknown").toString());
        unknown.put("priority", "high");
        poison.put("unknown-field", unknown.toString());
        ObjectNode badTags = valid(owner, site.url("/poison/tags").toString());
        badTags.put("tags", "not-a-list");
        poison.put("wrong-type", badTags.toString());
        Map<String, String> refusedUrls = new LinkedHashMap<>();
        refusedUrls.put("metadata-address", "http://169.254.169.254/latest/meta-data/");
        refusedUrls.put("private-network", "http://10.0.0.1/admin");
        refusedUrls.put("blocked-scheme", "ftp://example.com/file");
        refusedUrls.put("not-a-url", "not a url at all");
        String queue = dev.endpoints().queues().get("CrawlQueue").url();
        Set<String> accepted = new HashSet<>();
        poison.values()
                .forEach(
                        body -> {
                            accepted.add(DeadLetters.letter(queue, body).key());
                            sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body));
                        });
        Set<String> refusedIds = new HashSet<>();
        refusedUrls
                .values()
                .forEach(
                        url -> {
                            String id = LinkId.urlHash(owner + "\n" + url);
                            CrawlMessage message =
                                    new CrawlMessage(
                                            new LinkId(id),
                                            url,
                                            owner,
                                            Instant.now(),
                                            CrawlSource.API,
                                            List.of(),
                                            null);
                            refusedIds.add(id);
                            accepted.add(id);
                            sqs.sendMessage(
                                    send ->
                                            send.queueUrl(queue)
                                                    .messageBody(codec.encode(message)));
                        });
        Settled settled;
        try {
            settled = Settled.await(sqs, queues, index, Set.of(owner), SETTLE_LIMIT);
        } finally {
            dev.visibilityTimeout(sqs, 2);
        }

        Reconciliation reconciliation = settled.against(accepted);
        report(reconciliation, "poison-messages", start);
        Set<String> poisonKeys =
                poison.values().stream()
                        .map(body -> DeadLetters.letter(queue, body).key())
                        .collect(Collectors.toSet());
        assertThat(settled.deadLetterKeys()).isEqualTo(poisonKeys);
        assertThat(settled.documents().keySet()).isEqualTo(refusedIds);
        assertThat(settled.documents().values())
                .allSatisfy(
                        document -> {
                            assertThat(document.status()).isEqualTo("failed");
                            assertThat(document.retryable()).isFalse();
                        })
                .extracting(IndexScan.IndexedLink::failureCode)
                .containsExactlyInAnyOrder(
                        "blocked_address", "blocked_address", "blocked_scheme", "invalid_url");
        assertThat(reconciliation.lost()).isEmpty();
        assertThat(reconciliation.unexpected()).isEmpty();
    }

    // --- fixtures of the scenarios

    /** The crawl function's log lines about each of {@code ids}: one per delivery. */
    private void printDeliveries(Set<String> ids) throws IOException {
        String log = dev.log();
        for (String id : ids) {
            System.out.println("  deliveries of dead letter " + id + ":");
            log.lines()
                    .filter(line -> line.contains("crawl id=" + id))
                    .forEach(line -> System.out.println("    " + line));
        }
    }

    private List<String> pages(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> site.url(prefix + n).toString()).toList();
    }

    private static Set<String> acceptedIds(List<LinksApi.Answer> answers) {
        return answers.stream()
                .filter(LinksApi.Answer::accepted)
                .map(LinksApi.Answer::id)
                .collect(Collectors.toSet());
    }

    private static void report(Reconciliation reconciliation, String scenario, long startNanos) {
        System.out.println(
                reconciliation.line(scenario, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    private static boolean isDocumentWrite(FaultProxy.Request request) {
        return (request.method().equals("PUT") || request.method().equals("POST"))
                && DOC_WRITE.matcher(request.path()).matches();
    }

    /** An error as OpenSearch words it, so the client parses it as OpenSearch's own. */
    private static FaultProxy.Reply openSearchError(int status, String type) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode cause = error.putObject("error");
        cause.putArray("root_cause")
                .addObject()
                .put("type", type)
                .put("reason", "injected by the test");
        cause.put("type", type).put("reason", "injected by the test");
        error.put("status", status);
        return new FaultProxy.Reply(status, "application/json; charset=UTF-8", error.toString());
    }

    /**
     * A {@code SendMessageBatch} of which only every other entry reaches SQS; the others are
     * reported failed with {@code SenderFault: false}, as SQS does when it could not store them.
     */
    private static FaultProxy.Rewrite partialBatchFailure(AtomicInteger droppedEntries) {
        List<String> dropped = new CopyOnWriteArrayList<>();
        return new FaultProxy.Rewrite(
                request -> {
                    ObjectNode batch = (ObjectNode) readJson(request);
                    ArrayNode kept = JSON.createArrayNode();
                    JsonNode entries = batch.path("Entries");
                    for (int i = 0; i < entries.size(); i++) {
                        if (i % 2 == 1) {
                            dropped.add(entries.get(i).path("Id").asText());
                        } else {
                            kept.add(entries.get(i));
                        }
                    }
                    droppedEntries.addAndGet(dropped.size());
                    batch.set("Entries", kept);
                    return batch.toString().getBytes(StandardCharsets.UTF_8);
                },
                response -> {
                    ObjectNode answer = (ObjectNode) readJson(response);
                    ArrayNode failed = answer.withArray("Failed");
                    for (String id : dropped) {
                        failed.addObject()
                                .put("Id", id)
                                .put("SenderFault", false)
                                .put("Code", "InternalError")
                                .put("Message", "injected: not stored");
                    }
                    return answer.toString().getBytes(StandardCharsets.UTF_8);
                });
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportRun importer(UploadedExport export, SqsClient client, String queueUrl) {
        return new ImportRun(
                new ImportBookmarks(
                        export,
                        new SqsBackfillQueue(client, queueUrl),
                        new UrlPolicy(
                                UrlPolicy.DEFAULT_PORTS, Set.of(HostPort.parse(site.hostPort()))),
                        Clock.systemUTC()));
    }

    private record ImportRun(ImportBookmarks importBookmarks) {
        ImportResult result(ImportUpload upload) throws IOException {
            return switch (importBookmarks.run(upload, Instant.MAX)) {
                case ImportBookmarks.Outcome.Imported imported -> imported.result();
                case ImportBookmarks.Outcome.Missing missing ->
                        throw new AssertionError("the upload is there");
            };
        }
    }

    private ObjectNode valid(String owner, String url) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1);
        node.put("id", LinkId.urlHash(owner + "\n" + url));
        node.put("url", url);
        node.put("owner", owner);
        node.put("submittedAt", Instant.now().toString());
        node.put("source", "api");
        node.putArray("tags");
        return node;
    }

    private int awaitDocuments(String owner, int atLeast, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            int count = index.byOwners(Set.of(owner)).size();
            if (count >= atLeast || System.nanoTime() > end) {
                return count;
            }
            Thread.sleep(100);
        }
    }

    private void awaitHeld(int count) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (site.held() < count) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("the site never held " + count + " request(s)");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitWrites(List<long[]> writes, int successes)
            throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (writes.stream().filter(w -> w[1] < 300).count() < successes) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("no document write succeeded");
            }
            Thread.sleep(20);
        }
    }

    private static long version(String query) {
        Matcher version =
                Pattern.compile("(?:^|&)version=(\\d+)").matcher(query == null ? "" : query);
        return version.find() ? Long.parseLong(version.group(1)) : -1;
    }

    /** Reads the stored version of {@code id} every 20 ms while {@code watching}. */
    private void watchVersion(String id, List<Long> versions, AtomicBoolean watching) {
        HttpClient http = HttpClient.newHttpClient();
        URI document = openSearch.endpoint().resolve("/" + INDEX + "/_doc/" + id);
        while (watching.get()) {
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(document).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    versions.add(JSON.readTree(response.body()).path("_version").asLong());
                }
                Thread.sleep(20);
            } catch (IOException e) {
                // Not there yet, or busy: read again.
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
