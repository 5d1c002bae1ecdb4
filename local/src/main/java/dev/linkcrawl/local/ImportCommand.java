package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.InvokeCommand.NotRunningException;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./linkcrawl import --user U FILE}: what a person does on AWS to import bookmarks, against
 * a running {@code ./linkcrawl dev} — {@code POST /imports} as U for an upload, a {@code PUT} of
 * the file to the presigned URL it answers ({@code imports/U/<id>.<ext>}), then {@code GET
 * /imports/{id}} until the import is finished ({@link ImportsApi}). The upload raises the S3
 * notification there, the backfill function queues the links on its queue and writes its result
 * beside the upload. This command follows it (the dev process's {@link NotificationLog}, the
 * queue's depth, the import's state), draws a progress bar on a terminal, and ends with the import
 * as its last line of standard output.
 *
 * <p>Exit codes: 0 the whole file was imported (invalid lines are counted in the result, not an
 * error); 1 the import could not run or stopped early; 2 wrong arguments.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Asks a running ./linkcrawl dev for an upload as USER (POST /imports), uploads FILE"
                    + " to it, lets the S3 event run the backfill function as on AWS, and prints"
                    + " the import (GET /imports/{id}) as the last line.",
            "Formats: Netscape bookmark HTML (browsers, Pinboard, Delicious), plain text (one URL"
                    + " a line), CSV with a url column, Pinboard JSON."
        })
final class ImportCommand implements Callable<Integer> {

    static final int EXIT_IMPORTED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** How often the command looks at the log, the queue and the result: 200 ms. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** How long the dev process may take to notice the upload: 15 s (it looks every 250 ms). */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Console console;

    @Option(
            names = {"-u", "--user"},
            required = true,
            paramLabel = "USER",
            description =
                    "Whose links these become: the user id (the JWT sub claim), the owner"
                            + " folder of imports/USER/.")
    String user;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bookmark export to import.")
    Path file;

    @Option(
            names = "--timeout",
            defaultValue = "900",
            paramLabel = "SECONDS",
            description =
                    "Gives up waiting for the result after this long (default ${DEFAULT-VALUE}),"
                            + " the import itself goes on.")
    long timeoutSeconds;

    @Option(
            names = "--progress",
            negatable = true,
            description =
                    "Draws a progress bar on standard error (default: only when it is a"
                            + " terminal).")
    Boolean progress;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<String> problem = problemWithArguments(user, file, timeoutSeconds);
        if (problem.isPresent()) {
            console.err().println("linkcrawl import: " + problem.get());
            return EXIT_USAGE;
        }
        Project project = Project.current();
        Endpoints endpoints;
        try {
            endpoints = InvokeCommand.runningServices(project.stateFolder());
        } catch (NotRunningException e) {
            console.err().println("linkcrawl import: " + e.getMessage());
            return EXIT_FAILED;
        }
        ImportsApi api = new ImportsApi(endpoints.apiUrl(), user);
        try {
            SamTemplate template = SamTemplate.read(project.template());
            ImportsApi.Upload upload = api.start(file);
            ImportDestination destination = ImportDestination.of(template, endpoints, upload.key());
            Optional<String> queueUrl = destination.queueUrl(template, endpoints);
            try (SqsClient sqs = LocalSqs.client(endpoints.sqsEndpoint())) {
                return new Run(
                                project.stateFolder(),
                                api,
                                upload,
                                destination,
                                sqs,
                                queueUrl,
                                showsProgress() ? Optional.of(console.err()) : Optional.empty())
                        .run();
            }
        } catch (TemplateException | ImportsApi.RefusedException | IOException | SdkException e) {
            console.err().println("linkcrawl import: " + e.getMessage());
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.err().println("linkcrawl import: interrupted");
            return EXIT_FAILED;
        }
    }

    /**
     * What is wrong with the arguments, if anything: the user must be usable as a key segment (not
     * blank, no {@code /}, no control characters, as the backfill function requires), the file a
     * readable regular file.
     */
    static Optional<String> problemWithArguments(String user, Path file, long timeoutSeconds) {
        if (user == null
                || user.isBlank()
                || user.codePoints().anyMatch(c -> c == '/' || Character.isISOControl(c))) {
            return Optional.of(
                    "--user must be a user id without '/' or control characters, not '"
                            + (user == null ? "" : user.replaceAll("\\p{Cntrl}", "?"))
                            + "'");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot read " + file);
        }
        if (timeoutSeconds < 1) {
            return Optional.of("--timeout must be at least 1 second");
        }
        return Optional.empty();
    }

    private boolean showsProgress() {
        return progress != null ? progress : stderrIsTerminal();
    }

    /**
     * Whether standard error is a terminal: the {@code linkcrawl} script says so ({@code
     * -Dlinkcrawl.stderrIsTerminal}); otherwise whether the JVM has an interactive console.
     */
    static boolean stderrIsTerminal() {
        String declared = System.getProperty("linkcrawl.stderrIsTerminal");
        if (declared != null) {
            return Boolean.parseBoolean(declared);
        }
        java.io.Console terminal = System.console();
        if (terminal == null) {
            return false;
        }
        try {
            // Java 22+: a console exists even when redirected; isTerminal tells.
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(terminal);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console only exists on a terminal.
        }
    }

    /** One import, from the upload to the result. */
    private final class Run {
        private final Path stateFolder;
        private final ImportsApi api;
        private final ImportsApi.Upload upload;
        private final ImportDestination destination;
        private final SqsClient sqs;
        private final Optional<String> queueUrl;
        private final Instant began = Instant.now();
        private final ImportProgressBar bar;

        Run(
                Path stateFolder,
                ImportsApi api,
                ImportsApi.Upload upload,
                ImportDestination destination,
                SqsClient sqs,
                Optional<String> queueUrl,
                Optional<PrintStream> terminal)
                throws IOException {
            this.stateFolder = stateFolder;
            this.api = api;
            this.upload = upload;
            this.destination = destination;
            this.sqs = sqs;
            this.queueUrl = queueUrl;
            this.bar = ImportProgressBar.forFile(terminal, file, began, Clock.systemDefaultZone());
        }

        int run() throws IOException, InterruptedException, ImportsApi.RefusedException {
            String bucket = destination.bucket().bucketName();
            QueueGrowth queued = QueueGrowth.from(sqs, queueUrl);
            bar.draw(OptionalLong.empty(), "uploading " + file.getFileName());
            String eTag = api.put(upload, file);
            Instant uploaded = Instant.now();
            if (!bar.isShown()) {
                console.err()
                        .printf(
                                "linkcrawl import: uploaded s3://%s/%s; %s imports it%n",
                                bucket, destination.key(), destination.function().logicalId());
            }
            Instant giveUpAt = began.plusSeconds(timeoutSeconds);
            String function = destination.function().logicalId();
            String status = "waiting for " + function;
            while (Instant.now().isBefore(giveUpAt)) {
                Optional<JsonNode> finished = finished();
                if (finished.isPresent()) {
                    return finish(finished.get(), bucket, uploaded);
                }
                Optional<NotificationLog.Entry> latest = latestEntry(eTag);
                if (latest.isEmpty()
                        && Duration.between(uploaded, Instant.now()).compareTo(DELIVERY_WAIT) > 0) {
                    return fail(
                            "the dev process delivered no S3 event for the upload within "
                                    + DELIVERY_WAIT.toSeconds()
                                    + " s (is ./linkcrawl dev running with its state in "
                                    + stateFolder
                                    + "?)");
                }
                if (latest.isPresent()) {
                    NotificationLog.Entry entry = latest.get();
                    switch (entry.state()) {
                        case UNDELIVERABLE -> {
                            return fail(entry.detail().orElse(function + " is not available"));
                        }
                        case COMPLETED -> {
                            // The result is written before the function returns; look once more.
                            Optional<JsonNode> result = finished();
                            if (result.isPresent()) {
                                return finish(result.get(), bucket, uploaded);
                            }
                            return fail(
                                    function
                                            + " completed without writing "
                                            + destination.resultKey()
                                            + "; it answered "
                                            + entry.output()
                                                    .map(JsonNode::toString)
                                                    .orElse("null"));
                        }
                        case FAILED -> {
                            if (entry.isFinal()) {
                                return fail(
                                        function
                                                + " failed on its last attempt ("
                                                + entry.detail().orElse("no detail")
                                                + ")");
                            }
                            status =
                                    "attempt "
                                            + entry.attempt()
                                            + " failed ("
                                            + entry.detail().orElse("no detail")
                                            + "); Lambda retries at "
                                            + entry.retryAt()
                                                    .map(ImportCommand::clockTime)
                                                    .orElse("?");
                        }
                        case STARTED ->
                                status = function + " running (attempt " + entry.attempt() + ")";
                    }
                }
                bar.draw(queued.sinceStart(), status);
                try {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
            return fail(
                    "no result after "
                            + timeoutSeconds
                            + " s; the import may still finish: s3://"
                            + bucket
                            + "/"
                            + destination.resultKey());
        }

        /** The import once its final result is written. */
        private Optional<JsonNode> finished()
                throws IOException, InterruptedException, ImportsApi.RefusedException {
            return api.status(upload.id())
                    .filter(status -> status.path("state").asText().equals("finished"));
        }

        private int finish(JsonNode result, String bucket, Instant uploaded) {
            Duration took = Duration.between(uploaded, Instant.now());
            bar.clear();
            long accepted = result.path("accepted").asLong();
            console.err()
                    .printf(
                            "linkcrawl import: %,d links queued (%,d duplicates, %,d invalid) from"
                                    + " %s in %.1f s (%,.0f links/s); result"
                                    + " s3://%s/%s%n",
                            accepted,
                            result.path("duplicates").asLong(),
                            result.path("invalid").asLong(),
                            file.getFileName(),
                            took.toMillis() / 1000.0,
                            accepted / Math.max(0.001, took.toMillis() / 1000.0),
                            bucket,
                            destination.resultKey());
            boolean complete = result.path("complete").asBoolean(false);
            if (!complete) {
                console.err()
                        .println(
                                "linkcrawl import: the import stopped early at line "
                                        + result.at("/stopped/line").asText("?")
                                        + " ("
                                        + result.at("/stopped/reason").asText("unknown")
                                        + ")");
            }
            console.out().println(result.toString());
            return complete ? EXIT_IMPORTED : EXIT_FAILED;
        }

        private int fail(String message) {
            bar.clear();
            console.err().println("linkcrawl import: " + message);
            return EXIT_FAILED;
        }

        private Optional<NotificationLog.Entry> latestEntry(String eTag) {
            List<NotificationLog.Entry> entries;
            try {
                entries = NotificationLog.read(stateFolder);
            } catch (IOException e) {
                return Optional.empty();
            }
            NotificationLog.Entry latest = null;
            for (NotificationLog.Entry entry : entries) {
                if (entry.delivery().key().equals(destination.key())
                        && entry.delivery().eTag().equals(eTag)
                        && entry.delivery().function().equals(destination.function().logicalId())) {
                    latest = entry;
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    private static String clockTime(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
