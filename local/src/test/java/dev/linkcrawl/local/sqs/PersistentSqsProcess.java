package dev.linkcrawl.local.sqs;

import dev.linkcrawl.local.template.QueueResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM for {@link SqsPersistenceIT}: a persistent {@link LocalSqs} on the folder and port
 * given as arguments, with one queue; prints {@code READY <queue url>} and runs until killed.
 */
public final class PersistentSqsProcess {

    private PersistentSqsProcess() {}

    public static void main(String[] args) throws InterruptedException {
        LocalSqs sqs = LocalSqs.start(Optional.of(Path.of(args[0])), Integer.parseInt(args[1]));
        LocalQueue queue =
                QueueProvisioner.provision(
                                sqs.client(),
                                List.of(
                                        new QueueResource(
                                                "Durable",
                                                "Durable",
                                                Duration.ofSeconds(30),
                                                Duration.ofDays(4),
                                                Duration.ZERO,
                                                Optional.empty())))
                        .get("Durable");
        System.out.println("READY " + queue.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
