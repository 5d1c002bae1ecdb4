package dev.linkcrawl.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.bench.probe.ColdStartProbe;
import dev.linkcrawl.bench.probe.MemoryProbe;
import dev.linkcrawl.bench.probe.crac.CheckpointException;
import dev.linkcrawl.bench.probe.crac.Context;
import dev.linkcrawl.bench.probe.crac.Core;
import dev.linkcrawl.bench.probe.crac.Resource;
import dev.linkcrawl.bench.probe.crac.RestoreException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link ColdStartProbe} (or {@link MemoryProbe}) in a fresh JVM for one function: the same
 * {@code java} as this process, the function's environment only (nothing inherited from this shell
 * but {@code PATH}), {@code JAVA_TOOL_OPTIONS} as the template sets it, and a class path of the
 * function's shaded jar, the probes' own few classes and {@code aws-lambda-java-serialization}.
 */
final class ProbeJvm {

    /**
     * The classes the probe JVM needs besides the function jar: the probe and the CRaC stand-in.
     */
    private static final List<Class<?>> PROBE_CLASSES =
            List.of(
                    ColdStartProbe.class,
                    MemoryProbe.class,
                    Core.class,
                    Context.class,
                    Resource.class,
                    CheckpointException.class,
                    RestoreException.class);

    /** A probe that has not answered in 3 minutes is hung (a start takes seconds). */
    private static final long TIMEOUT_SECONDS = 180;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path java;
    private final Path probeClasses;
    private final Path serializationJar;
    private final Path logs;

    private ProbeJvm(Path java, Path probeClasses, Path serializationJar, Path logs) {
        this.java = java;
        this.probeClasses = probeClasses;
        this.serializationJar = serializationJar;
        this.logs = logs;
    }

    /** Copies the probe's class files under {@code workDir}. */
    static ProbeJvm prepare(Path workDir) throws IOException {
        Path classes = workDir.resolve("probe-classes");
        for (Class<?> type : PROBE_CLASSES) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = classes.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = ProbeJvm.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("class file not found: " + resource);
                }
                Files.copy(in, target);
            }
        }
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        return new ProbeJvm(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classes,
                jarOf(LambdaEventSerializers.class),
                logs);
    }

    /** Where each probe's standard error (the function's log) is kept. */
    Path logs() {
        return logs;
    }

    /**
     * Runs the probe once.
     *
     * @param prime whether the probe runs the registered CRaC resources before the first call
     * @param runName names the log file
     * @throws IllegalStateException if the probe fails or prints no result
     */
    ProbeResult run(
            BenchFunction function,
            Path event,
            Map<String, String> environment,
            boolean prime,
            String runName)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        arguments.add(function.resource().handler().className());
        arguments.add(event.toString());
        arguments.add(function.resource().logicalId());
        arguments.add(Long.toString(function.resource().timeout().toSeconds()));
        arguments.add(Integer.toString(function.resource().memorySize()));
        if (prime) {
            arguments.add("--prime");
        }
        Path log = logs.resolve(runName + ".log");
        Process process =
                start(
                        function,
                        prime
                                ? List.of("-Dorg.crac.Core.Compat=" + Core.class.getPackageName())
                                : List.of(),
                        ColdStartProbe.class,
                        arguments,
                        environment,
                        log);
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(runName + ": the probe did not finish; see " + log);
        }
        String line =
                new String(out, StandardCharsets.UTF_8)
                        .lines()
                        .filter(text -> text.startsWith(ColdStartProbe.LINE_PREFIX))
                        .reduce((first, second) -> second)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                runName
                                                        + ": the probe printed no result (exit "
                                                        + process.exitValue()
                                                        + "); see "
                                                        + log));
        JsonNode result = JSON.readTree(line);
        if (!result.path("error").isNull()) {
            throw new IllegalStateException(
                    runName
                            + ": the handler threw "
                            + result.path("error").asText()
                            + "; see "
                            + log);
        }
        return new ProbeResult(
                result.path("jvmStartMs").asDouble(),
                result.path("initMs").asDouble(),
                result.path("primeMs").asDouble(),
                result.path("eventMs").asDouble(),
                result.path("firstInvokeMs").asDouble(),
                result.path("secondInvokeMs").asDouble(),
                result.path("response").asText());
    }

    /**
     * Starts {@code main} in a fresh JVM: this process's {@code java} with {@code jvmOptions}, a
     * class path of the function's shaded jar, the probes' classes and {@code
     * aws-lambda-java-serialization}, the function's environment only (nothing inherited from this
     * shell but {@code PATH}), and standard error written to {@code log}.
     */
    Process start(
            BenchFunction function,
            List<String> jvmOptions,
            Class<?> main,
            List<String> arguments,
            Map<String, String> environment,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(
                String.join(
                        File.pathSeparator,
                        function.jar().toString(),
                        probeClasses.toString(),
                        serializationJar.toString()));
        command.add(main.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(environment);
        return builder.start();
    }

    private static Path jarOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find the jar of " + type.getName(), e);
        }
    }
}
