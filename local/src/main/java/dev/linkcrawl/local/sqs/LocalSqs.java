package dev.linkcrawl.local.sqs;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible server (ElasticMQ) in this JVM on 127.0.0.1. With a storage folder, queues and
 * messages live in an H2 database there (ElasticMQ's {@code messages-storage}), written before each
 * request is answered, so a message that was accepted survives a crash of this JVM ({@code kill
 * -9}) and is there again at the next start; without one, everything is in memory.
 *
 * <p>ElasticMQ keeps one database connection pool per JVM, so only one persistent server can run in
 * a JVM at a time.
 */
public final class LocalSqs implements AutoCloseable {

    /** The region local queues claim (their ARNs, the clients). */
    public static final String REGION = "us-east-1";

    /** ElasticMQ's account id, part of every queue URL and ARN. */
    public static final String ACCOUNT_ID = "000000000000";

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    /** Guards ElasticMQ's JVM-wide database pool: one persistent server at a time. */
    private static final java.util.concurrent.atomic.AtomicBoolean PERSISTENT_RUNNING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final boolean persistent;
    private final URI endpoint;
    private final SqsClient client;
    private boolean running = true;

    private LocalSqs(ActorSystem actorSystem, SQSRestServer server, boolean persistent, int port) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.persistent = persistent;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = client(endpoint);
    }

    /**
     * Starts a server.
     *
     * @param storage folder for the H2 database (created if missing), or empty to keep everything
     *     in memory
     * @param port the port, or 0 for a free one
     */
    public static LocalSqs start(Optional<Path> storage, int port) {
        if (storage.isPresent() && !PERSISTENT_RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "a persistent SQS server already runs in this JVM; stop it first");
        }
        // Daemon threads: a runner that dies without stopping the server must still exit.
        // Headers stay raw: the AWS SDK's User-Agent is no valid product list for Pekko HTTP, and
        // each failed parse of it re-ran the parser to describe the error, on every request (a
        // few percent of both cores under a flood); ElasticMQ reads no modeled header.
        ActorSystem system =
                ActorSystem.create(
                        "elasticmq",
                        ConfigFactory.parseString(
                                        "pekko.daemonic = on\n"
                                                + "pekko.http.parsing.modeled-header-parsing = off")
                                .withFallback(ConfigFactory.load(LocalSqs.class.getClassLoader())),
                        LocalSqs.class.getClassLoader());
        try {
            Optional<ActorRef> store = storage.map(folder -> persistence(system, folder));
            ActorRef queueManager =
                    system.actorOf(
                            Props.create(
                                    QueueManagerActor.class,
                                    () ->
                                            new QueueManagerActor(
                                                    new NowProvider(),
                                                    StrictSQSLimits$.MODULE$,
                                                    scala.Option.apply(store.orElse(null)))));
            if (store.isPresent()) {
                restore(store.get(), queueManager);
            }
            SQSRestServer server =
                    SQSRestServerBuilder.withActorSystem(system)
                            .withQueueManagerActor(queueManager)
                            .withInterface("127.0.0.1")
                            .withPort(port)
                            .withAWSRegion(REGION)
                            .withAWSAccountId(ACCOUNT_ID)
                            .start();
            int bound = server.waitUntilStarted().localAddress().getPort();
            return new LocalSqs(system, server, store.isPresent(), bound);
        } catch (RuntimeException e) {
            terminate(system);
            if (storage.isPresent()) {
                scalikejdbc.ConnectionPool$.MODULE$.closeAll();
                PERSISTENT_RUNNING.set(false);
            }
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server, with fixed local credentials. */
    public SqsClient client() {
        return client;
    }

    /** A new client of the server at {@code endpoint} (the caller closes it). */
    public static SqsClient client(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("local", "local")))
                .httpClient(
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(2))
                                .socketTimeout(Duration.ofSeconds(30))
                                .build())
                .build();
    }

    /** Stops the server and closes its database; the data stays on disk. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        client.close();
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
            if (persistent) {
                scalikejdbc.ConnectionPool$.MODULE$.closeAll();
                PERSISTENT_RUNNING.set(false);
            }
        }
    }

    private static ActorRef persistence(ActorSystem system, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder, e);
        }
        // WRITE_DELAY=0: H2 otherwise keeps the last second of writes in memory, and a kill -9
        // would lose messages that SendMessage had already acknowledged.
        String url =
                "jdbc:h2:file:" + folder.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0";
        SqlQueuePersistenceConfig config =
                new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
        // ElasticMQ registers its JDBC pool only once per JVM and never again after a stop, so
        // the pool is (re-)registered here for this folder; close() releases it.
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the H2 driver is missing from the class path", e);
        }
        scalikejdbc.ConnectionPool$ pools = scalikejdbc.ConnectionPool$.MODULE$;
        scalikejdbc.ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(url, "", "", settings, pools.singleton$default$5(url, "", "", settings));
        return system.actorOf(
                Props.create(
                        SqlQueuePersistenceActor.class,
                        () ->
                                new SqlQueuePersistenceActor(
                                        config, scala.collection.immutable.List$.MODULE$.empty())));
    }

    /** Re-creates the stored queues with their messages before any client can connect. */
    private static void restore(ActorRef store, ActorRef queueManager) {
        Object result;
        try {
            result =
                    Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                            .toCompletableFuture()
                            .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring stored queues", e);
        } catch (ExecutionException | TimeoutException e) {
            // ElasticMQ only logs why a restore failed and never answers.
            throw new IllegalStateException(
                    "could not restore the stored queues within "
                            + RESTORE_TIMEOUT.toSeconds()
                            + " s",
                    e);
        }
        if (result instanceof scala.util.Left<?, ?> errors) {
            throw new IllegalStateException(
                    "could not restore the stored queues: " + errors.value());
        }
    }

    private static void terminate(ActorSystem system) {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Daemon threads: a slow shutdown cannot keep the JVM alive.
        }
    }
}
