package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.local.lambda.FunctionEnvironment;
import dev.linkcrawl.local.s3.BucketValues;
import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a running {@code ./linkcrawl dev} serves, written to {@code .linkcrawl/endpoints.json} so
 * that {@code ./linkcrawl invoke} and {@code ./linkcrawl import} (other JVMs) work against the same
 * services.
 *
 * @param pid the dev process
 * @param s3Endpoint the local S3 (S3Mock), path-style
 * @param eventsEndpoint the local EventBridge, which records events in {@code
 *     .linkcrawl/events.jsonl}
 * @param queues the template's queues by logical id, in template order
 * @param buckets the template's buckets by logical id, in template order, with their local names
 */
public record Endpoints(
        long pid,
        Instant startedAt,
        URI apiUrl,
        URI sqsEndpoint,
        URI openSearchEndpoint,
        URI s3Endpoint,
        URI eventsEndpoint,
        Map<String, LocalQueue> queues,
        Map<String, BucketResource> buckets) {

    static final String FILE_NAME = "endpoints.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Endpoints {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        Objects.requireNonNull(openSearchEndpoint, "openSearchEndpoint");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(eventsEndpoint, "eventsEndpoint");
        for (URI endpoint :
                List.of(apiUrl, sqsEndpoint, openSearchEndpoint, s3Endpoint, eventsEndpoint)) {
            if (!endpoint.isAbsolute()) {
                throw new IllegalArgumentException("not an absolute URL: " + endpoint);
            }
        }
        queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        buckets = Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
    }

    /** The template's intrinsic values on this dev: its queues' and buckets' local names. */
    public Intrinsics intrinsics(SamTemplate template) {
        return template.intrinsics(new BucketValues(buckets).or(new QueueValues(queues)));
    }

    /** What the runner sets for every function on this dev: its local services, never AWS. */
    public Map<String, String> runnerEnvironment() {
        return DevStack.runnerEnvironment(
                sqsEndpoint, openSearchEndpoint, s3Endpoint, eventsEndpoint);
    }

    /**
     * The environment {@code function} runs with on this dev: the template's, resolved here, then
     * the runner's, then {@code overrides}.
     *
     * @throws TemplateException when a value cannot be resolved
     */
    public Map<String, String> environmentOf(
            SamTemplate template, FunctionResource function, Map<String, String> overrides) {
        return FunctionEnvironment.resolve(
                function, intrinsics(template), runnerEnvironment(), overrides);
    }

    public static Path file(Path stateFolder) {
        return stateFolder.resolve(FILE_NAME);
    }

    /** Writes the file atomically, so a reader never sees half of it. */
    public void write(Path stateFolder) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("pid", pid);
        root.put("startedAt", startedAt.toString());
        root.put("apiUrl", apiUrl.toString());
        root.put("sqsEndpoint", sqsEndpoint.toString());
        root.put("openSearchEndpoint", openSearchEndpoint.toString());
        root.put("s3Endpoint", s3Endpoint.toString());
        root.put("eventsEndpoint", eventsEndpoint.toString());
        ObjectNode queueNodes = root.putObject("queues");
        queues.forEach(
                (id, queue) ->
                        queueNodes
                                .putObject(id)
                                .put("name", queue.name())
                                .put("url", queue.url())
                                .put("arn", queue.arn()));
        ObjectNode bucketNodes = root.putObject("buckets");
        buckets.forEach(
                (id, bucket) ->
                        bucketNodes
                                .putObject(id)
                                .put("name", bucket.bucketName())
                                .put("arn", bucket.arn()));
        Files.createDirectories(stateFolder);
        Path temporary = Files.createTempFile(stateFolder, "endpoints", ".tmp");
        Files.writeString(
                temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(
                temporary,
                file(stateFolder),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the file a dev process wrote.
     *
     * @throws IOException when it is missing or not what {@link #write} writes
     */
    public static Endpoints read(Path stateFolder) throws IOException {
        JsonNode root = JSON.readTree(file(stateFolder).toFile());
        Map<String, LocalQueue> queues = new LinkedHashMap<>();
        root.path("queues")
                .properties()
                .forEach(
                        entry ->
                                queues.put(
                                        entry.getKey(),
                                        new LocalQueue(
                                                entry.getKey(),
                                                entry.getValue().path("name").asText(),
                                                entry.getValue().path("url").asText(),
                                                entry.getValue().path("arn").asText())));
        try {
            Map<String, BucketResource> buckets = new LinkedHashMap<>();
            root.path("buckets")
                    .properties()
                    .forEach(
                            entry ->
                                    buckets.put(
                                            entry.getKey(),
                                            new BucketResource(
                                                    entry.getKey(),
                                                    entry.getValue().path("name").asText())));
            return new Endpoints(
                    root.path("pid").asLong(),
                    Instant.parse(root.path("startedAt").asText()),
                    URI.create(root.path("apiUrl").asText()),
                    URI.create(root.path("sqsEndpoint").asText()),
                    URI.create(root.path("openSearchEndpoint").asText()),
                    URI.create(root.path("s3Endpoint").asText()),
                    URI.create(root.path("eventsEndpoint").asText()),
                    queues,
                    buckets);
        } catch (RuntimeException e) {
            throw new IOException(file(stateFolder) + " is not a linkcrawl endpoints file", e);
        }
    }
}
