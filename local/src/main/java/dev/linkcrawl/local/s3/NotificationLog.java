package dev.linkcrawl.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to each S3 notification the dev process delivered, one JSON line per step, in
 * {@code .linkcrawl/s3-notifications.jsonl} (emptied when {@code ./linkcrawl dev} starts). {@code
 * ./linkcrawl import} follows its upload there; a person can too ({@code tail -f}).
 *
 * <pre>{@code
 * {"time":"…","function":"BackfillLinksFunction","event":"ImportUpload","bucket":"…",
 *  "key":"imports/alice/bookmarks.html","eTag":"…","attempt":1,"state":"completed",
 *  "durationMs":812,"output":{"imports":[…]}}
 * }</pre>
 *
 * States: {@code started}; {@code completed} (with the function's {@code output}); {@code failed}
 * (with {@code detail}, and {@code retryAt} when Lambda would try again, else {@code final: true});
 * {@code undeliverable} (the function is not available, with {@code detail}).
 */
public final class NotificationLog {

    static final String FILE_NAME = "s3-notifications.jsonl";

    /** Outputs longer than this (as JSON text) are cut and kept as text: 16 KiB. */
    static final int MAX_OUTPUT_CHARS = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One notification for one function: what a line is about. */
    public record Delivery(String function, String event, String bucket, String key, String eTag) {
        public Delivery {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(eTag, "eTag");
        }
    }

    /** A step of a delivery, written in the log as its lower-case name ({@code "completed"}). */
    public enum State {
        /** An attempt began. */
        STARTED,
        /** The function returned; the line holds its {@code output}. */
        COMPLETED,
        /** An attempt threw; the line says whether Lambda retries ({@code retryAt}) or not. */
        FAILED,
        /** The function is not available, so the event never reached it. */
        UNDELIVERABLE;

        String written() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<State> read(String written) {
            for (State state : values()) {
                if (state.written().equals(written)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    /** A line as read back. */
    public record Entry(Delivery delivery, int attempt, State state, JsonNode line) {
        public Entry {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(line, "line");
        }

        /** Whether nothing follows for this delivery: no further attempt will be made. */
        public boolean isFinal() {
            return switch (state) {
                case COMPLETED, UNDELIVERABLE -> true;
                case FAILED -> line.path("final").asBoolean();
                case STARTED -> false;
            };
        }

        public Optional<String> detail() {
            return line.hasNonNull("detail")
                    ? Optional.of(line.get("detail").asText())
                    : Optional.empty();
        }

        public Optional<Instant> retryAt() {
            return line.hasNonNull("retryAt")
                    ? Optional.of(Instant.parse(line.get("retryAt").asText()))
                    : Optional.empty();
        }

        public Optional<JsonNode> output() {
            return Optional.ofNullable(line.get("output"));
        }
    }

    private final Path file;
    private final Clock clock;

    private NotificationLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The log of the dev process whose state is in {@code stateFolder}. */
    public static Path file(Path stateFolder) {
        return stateFolder.resolve(FILE_NAME);
    }

    /** Starts an empty log in {@code stateFolder}. */
    public static NotificationLog create(Path stateFolder, Clock clock) throws IOException {
        Files.createDirectories(stateFolder);
        Path file = file(stateFolder);
        Files.write(file, new byte[0]);
        return new NotificationLog(file, Objects.requireNonNull(clock, "clock"));
    }

    void started(Delivery delivery, int attempt) {
        append(line(delivery, attempt, State.STARTED));
    }

    void completed(Delivery delivery, int attempt, Object output, Duration took) {
        ObjectNode line =
                line(delivery, attempt, State.COMPLETED).put("durationMs", took.toMillis());
        JsonNode tree = output == null ? null : JSON.valueToTree(output);
        String text = tree == null ? "null" : tree.toString();
        if (text.length() > MAX_OUTPUT_CHARS) {
            line.put("output", text.substring(0, MAX_OUTPUT_CHARS) + "…");
        } else {
            line.set("output", tree);
        }
        append(line);
    }

    void failed(
            Delivery delivery,
            int attempt,
            String detail,
            Duration took,
            Optional<Instant> retryAt) {
        ObjectNode line =
                line(delivery, attempt, State.FAILED)
                        .put("durationMs", took.toMillis())
                        .put("detail", detail);
        retryAt.ifPresentOrElse(
                at -> line.put("retryAt", at.toString()), () -> line.put("final", true));
        append(line);
    }

    void undeliverable(Delivery delivery, String detail) {
        append(line(delivery, 0, State.UNDELIVERABLE).put("detail", detail));
    }

    /**
     * Every line of the log in {@code stateFolder}; a line still being written is left out, and so
     * is one in a state this version does not know.
     *
     * @return empty when there is no log
     */
    public static List<Entry> read(Path stateFolder) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(stateFolder), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String text : lines) {
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                continue;
            }
            if (line == null || !line.isObject()) {
                continue;
            }
            Optional<State> state = State.read(line.path("state").asText());
            if (state.isEmpty()) {
                continue;
            }
            entries.add(
                    new Entry(
                            new Delivery(
                                    line.path("function").asText(),
                                    line.path("event").asText(),
                                    line.path("bucket").asText(),
                                    line.path("key").asText(),
                                    line.path("eTag").asText()),
                            line.path("attempt").asInt(),
                            state.get(),
                            line));
        }
        return entries;
    }

    private ObjectNode line(Delivery delivery, int attempt, State state) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("function", delivery.function());
        line.put("event", delivery.event());
        line.put("bucket", delivery.bucket());
        line.put("key", delivery.key());
        line.put("eTag", delivery.eTag());
        line.put("attempt", attempt);
        line.put("state", state.written());
        return line;
    }

    /** One write per line, so that a reader sees whole lines or a partial last one. */
    private synchronized void append(ObjectNode line) {
        try (BufferedWriter writer =
                Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            writer.write(line.toString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
