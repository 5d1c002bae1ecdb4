package dev.linkcrawl.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process in a child JVM on this one's class path: a service a test kills with {@code
 * destroyForcibly()} (a real {@code kill -9}), or the {@link QueueWorkers} a benchmark keeps apart
 * from the API. The child prints {@code READY <uri>} once it serves.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** Starts {@code main} with {@code args}; its standard error is discarded. */
    public static Process start(Class<?> main, String... args) throws IOException {
        return start(main, ProcessBuilder.Redirect.DISCARD, List.of(args));
    }

    /** Starts {@code main} with {@code args}, its standard error going to {@code stderr}. */
    public static Process start(Class<?> main, ProcessBuilder.Redirect stderr, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(stderr).start();
    }

    /** The URI the child prints after {@code READY }, waiting at most {@code timeout}. */
    public static URI awaitReady(Process child, Duration timeout) throws Exception {
        CompletableFuture<String> ready =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                BufferedReader reader =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        child.getInputStream(),
                                                        StandardCharsets.UTF_8));
                                for (String line = reader.readLine();
                                        line != null;
                                        line = reader.readLine()) {
                                    if (line.startsWith("READY ")) {
                                        return line.substring("READY ".length()).strip();
                                    }
                                }
                                throw new IllegalStateException(
                                        "the child JVM exited before it was ready");
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        return URI.create(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
