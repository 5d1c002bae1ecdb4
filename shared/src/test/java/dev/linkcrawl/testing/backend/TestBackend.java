package dev.linkcrawl.testing.backend;

import dev.linkcrawl.testing.EmbeddedOpenSearch;
import dev.linkcrawl.testing.EmbeddedSqs;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;

/**
 * Which services the integration tests of this JVM run against: the embedded ones (ElasticMQ, an
 * OpenSearch node, S3Mock, all in the test JVM) or LocalStack in a Docker container.
 *
 * <p>The choice is read once, from the system property or else the environment variable {@value
 * #SETTING}: {@code embedded}, {@code localstack} or {@code auto} (the default: LocalStack when a
 * Docker engine answers, the embedded services otherwise). {@code localstack} without Docker is an
 * error, never a silent fallback. The choice and its reason are printed as one line.
 */
public enum TestBackend {
    /** ElasticMQ, an OpenSearch node and S3Mock in the test JVM, on loopback. */
    EMBEDDED,
    /** One LocalStack container for the test JVM (see {@link LocalStack}). */
    LOCALSTACK;

    /** The system property, or environment variable, that chooses the backend. */
    public static final String SETTING = "LINKCRAWL_TEST_BACKEND";

    /** A backend and why it was chosen. */
    public record Choice(TestBackend backend, String reason) {
        public Choice {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static Choice choice;
    private static RuntimeException refusal;

    /**
     * The backend of this JVM, chosen on the first call (so a JVM whose tests use no backend never
     * asks Docker).
     *
     * @throws IllegalStateException if the setting cannot be honoured, on every call
     */
    public static synchronized TestBackend selected() {
        if (choice == null && refusal == null) {
            try {
                choice =
                        choose(
                                System.getProperty(SETTING),
                                System.getenv(SETTING),
                                () -> DockerClientFactory.instance().isDockerAvailable());
                System.err.println("linkcrawl test backend: " + choice.reason());
            } catch (RuntimeException e) {
                refusal = e;
            }
        }
        if (refusal != null) {
            throw new IllegalStateException(refusal.getMessage(), refusal);
        }
        return choice.backend();
    }

    /**
     * Chooses the backend. Docker is asked only when the setting needs it, since without an engine
     * Testcontainers takes a moment and logs an error while it looks for one.
     *
     * @param property the system property {@value #SETTING}, or null
     * @param environment the environment variable {@value #SETTING}, or null; used when the
     *     property is null or blank
     * @param dockerAvailable whether a Docker engine answers
     * @throws IllegalStateException for {@code localstack} when no Docker engine answers
     * @throws IllegalArgumentException for any other value than embedded, localstack or auto
     */
    public static Choice choose(
            String property, String environment, BooleanSupplier dockerAvailable) {
        String raw = isBlank(property) ? environment : property;
        String setting = isBlank(raw) ? "auto" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "embedded" -> new Choice(EMBEDDED, SETTING + "=embedded: embedded services");
            case "localstack" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(
                            SETTING
                                    + "=localstack, but no Docker engine answers: start Docker,"
                                    + " or run with "
                                    + SETTING
                                    + "=embedded or auto");
                }
                yield new Choice(LOCALSTACK, SETTING + "=localstack: LocalStack in Docker");
            }
            case "auto" ->
                    dockerAvailable.getAsBoolean()
                            ? new Choice(
                                    LOCALSTACK,
                                    SETTING + "=auto and a Docker engine answers: LocalStack")
                            : new Choice(
                                    EMBEDDED,
                                    SETTING
                                            + "=auto and no Docker engine: falling back to the"
                                            + " embedded services");
            default ->
                    throw new IllegalArgumentException(
                            SETTING + " must be embedded, localstack or auto, not '" + raw + "'");
        };
    }

    /** A new queue service for one test or test class; close it afterwards. */
    public TestSqs sqs() {
        return switch (this) {
            case EMBEDDED -> EmbeddedSqs.start();
            case LOCALSTACK -> LocalStack.shared().sqs();
        };
    }

    /** The JVM's OpenSearch, started. */
    public TestOpenSearch openSearch() {
        return switch (this) {
            case EMBEDDED -> {
                EmbeddedOpenSearch node = EmbeddedOpenSearch.shared();
                node.start();
                yield node;
            }
            case LOCALSTACK -> LocalStack.shared().openSearch();
        };
    }

    /**
     * An S3 service; close it afterwards. The embedded one (S3Mock, a Spring Boot application) is
     * given by the caller: S3Mock must not share a class path with the OpenSearch node of the
     * shared module's tests, so only the modules whose tests use it depend on it.
     */
    public TestS3 s3(Supplier<? extends TestS3> embedded) {
        return switch (this) {
            case EMBEDDED -> embedded.get();
            case LOCALSTACK -> LocalStack.shared().s3();
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
