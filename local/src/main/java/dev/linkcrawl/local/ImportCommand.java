package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.local.InvokeCommand.NotRunningException;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * beside the upload. This command follows it ({@link ImportWatcher}: the import's state, the dev
 * process's {@link NotificationLog}, the queue's depth), draws a progress bar on a terminal ({@link
 * ImportProgressBar}), and ends with the import as its last line of standard output.
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

    private final Console console;

    /** The zone is the one the time of a retry is told in. */
    private final Clock clock = Clock.systemDefaultZone();

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
            try (SqsClient sqs = LocalSqs.client(endpoints.sqsEndpoint())) {
                return upload(
                        project.stateFolder(),
                        api,
                        upload,
                        destination,
                        sqs,
                        destination.queueUrl(template, endpoints));
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
     * Uploads the file as {@code POST /imports} said, follows the import to its end and reports it.
     *
     * @param queueUrl the importing function's queue, whose growth the progress bar shows
     */
    private int upload(
            Path stateFolder,
            ImportsApi api,
            ImportsApi.Upload upload,
            ImportDestination destination,
            SqsClient sqs,
            Optional<String> queueUrl)
            throws IOException, InterruptedException, ImportsApi.RefusedException {
        Instant began = clock.instant();
        ImportProgressBar bar =
                ImportProgressBar.forFile(
                        showsProgress() ? Optional.of(console.err()) : Optional.empty(),
                        file,
                        began,
                        clock);
        QueueGrowth queue = QueueGrowth.from(sqs, queueUrl);
        bar.draw(OptionalLong.empty(), "uploading " + file.getFileName());
        String eTag = api.put(upload, file);
        Instant uploaded = clock.instant();
        if (!bar.isShown()) {
            console.err()
                    .printf(
                            "linkcrawl import: uploaded s3://%s/%s; %s imports it%n",
                            destination.bucket().bucketName(),
                            destination.key(),
                            destination.function().logicalId());
        }
        ImportWatcher.Outcome outcome =
                new ImportWatcher(
                                destination,
                                stateFolder,
                                Duration.ofSeconds(timeoutSeconds),
                                clock,
                                Thread::sleep)
                        .watch(
                                new ImportOnDev(api, upload, eTag, destination, stateFolder, queue),
                                began,
                                uploaded,
                                bar::draw);
        bar.clear();
        return switch (outcome) {
            case ImportWatcher.Outcome.Finished finished -> report(finished, destination);
            case ImportWatcher.Outcome.Failed failed -> {
                console.err().println("linkcrawl import: " + failed.message());
                yield EXIT_FAILED;
            }
        };
    }

    /**
     * The counts and the import's duration on standard error, the import itself on standard out.
     */
    private int report(ImportWatcher.Outcome.Finished finished, ImportDestination destination) {
        JsonNode result = finished.result();
        long took = finished.took().toMillis();
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
                        took / 1000.0,
                        accepted / Math.max(0.001, took / 1000.0),
                        destination.bucket().bucketName(),
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
}
