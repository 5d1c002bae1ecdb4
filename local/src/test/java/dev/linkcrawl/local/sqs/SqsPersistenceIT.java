package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Messages an SQS server acknowledged survive the server's JVM being killed without warning ({@code
 * kill -9}): the honest test is a child JVM destroyed forcibly, then a new one on the same storage
 * folder.
 */
class SqsPersistenceIT {

    @TempDir Path storage;

    @Test
    @Timeout(120)
    void acknowledgedMessagesSurviveAKill9AndAreThereAfterRestart() throws Exception {
        List<String> sent = List.of("first", "second", "third");

        Process first = startChild();
        try {
            URI queueUrl = awaitReady(first);
            try (SqsClient client = LocalSqs.client(endpoint(queueUrl))) {
                for (String body : sent) {
                    client.sendMessage(
                            send -> send.queueUrl(queueUrl.toString()).messageBody(body));
                }
            }
            // The last SendMessage has been answered: kill at once, no clean stop.
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }

        Process second = startChild();
        try {
            URI queueUrl = awaitReady(second);
            List<String> received = new ArrayList<>();
            try (SqsClient client = LocalSqs.client(endpoint(queueUrl))) {
                for (int attempt = 0; attempt < 5 && received.size() < sent.size(); attempt++) {
                    for (Message message :
                            client.receiveMessage(
                                            receive ->
                                                    receive.queueUrl(queueUrl.toString())
                                                            .maxNumberOfMessages(10)
                                                            .waitTimeSeconds(1))
                                    .messages()) {
                        received.add(message.body());
                    }
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            second.destroyForcibly();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process startChild() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PersistentSqsProcess.class.getName(),
                        storage.toString(),
                        "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The queue URL the child prints once it serves. */
    private static URI awaitReady(Process child) throws Exception {
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
                                        "the child exited before it was ready");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        return URI.create(ready.get(60, TimeUnit.SECONDS));
    }

    private static URI endpoint(URI queueUrl) {
        return URI.create("http://" + queueUrl.getHost() + ":" + queueUrl.getPort());
    }
}
