package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            URI queueUrl = ChildJvm.awaitReady(first, Duration.ofSeconds(60));
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
            URI queueUrl = ChildJvm.awaitReady(second, Duration.ofSeconds(60));
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
        return ChildJvm.start(PersistentSqsProcess.class, storage.toString(), "0");
    }

    private static URI endpoint(URI queueUrl) {
        return URI.create("http://" + queueUrl.getHost() + ":" + queueUrl.getPort());
    }
}
