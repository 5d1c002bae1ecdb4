package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The record Lambda sends to an on-failure destination, as AWS documents it ({@code
 * invocation-record.json} beside this test).
 */
class InvocationRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant GIVEN_UP = Instant.parse("2026-11-27T10:33:05.123456Z");
    private static final String REQUEST_ID = "e4b46cbf-b738-4a2e-8880-a18cdf61200e";

    @Test
    void failedImportIsRecordedAsTheFixtureShows() throws IOException {
        JsonNode fixture = JSON.readTree(fixture("invocation-record.json"));

        InvocationRecord record =
                new InvocationRecord(
                        GIVEN_UP,
                        "BackfillLinksFunction",
                        InvocationRecord.Condition.RETRIES_EXHAUSTED,
                        3,
                        fixture.get("requestPayload"),
                        new Invocation.Failed(REQUEST_ID, importStopped(), Duration.ofSeconds(2)));

        assertThat(record.toJson()).isEqualTo(fixture);
    }

    @Test
    void timedOutAttemptIsReportedInLambdasWords() {
        InvocationRecord record =
                new InvocationRecord(
                        GIVEN_UP,
                        "BackfillLinksFunction",
                        InvocationRecord.Condition.RETRIES_EXHAUSTED,
                        3,
                        JSON.createObjectNode(),
                        new Invocation.TimedOut(REQUEST_ID, Duration.ofMillis(900_004)));

        assertThat(record.toJson().get("responsePayload"))
                .isEqualTo(
                        JSON.createObjectNode()
                                .put(
                                        "errorMessage",
                                        "2026-11-27T10:33:05.123Z "
                                                + REQUEST_ID
                                                + " Task timed out after 900.00 seconds"));
    }

    @Test
    void causeIsNestedAsTheJavaRuntimeWritesIt() {
        UncheckedIOException error =
                new UncheckedIOException("cannot read", new IOException("connection reset"));

        JsonNode payload =
                new InvocationRecord(
                                GIVEN_UP,
                                "F",
                                InvocationRecord.Condition.RETRIES_EXHAUSTED,
                                1,
                                JSON.createObjectNode(),
                                new Invocation.Failed(REQUEST_ID, error, Duration.ZERO))
                        .toJson()
                        .get("responsePayload");

        assertThat(payload.get("errorType").asText()).isEqualTo("java.io.UncheckedIOException");
        assertThat(payload.at("/cause/errorType").asText()).isEqualTo("java.io.IOException");
        assertThat(payload.at("/cause/errorMessage").asText()).isEqualTo("connection reset");
    }

    @Test
    void eventGivenUpForItsAgeSaysSo() {
        InvocationRecord record =
                new InvocationRecord(
                        GIVEN_UP,
                        "F",
                        InvocationRecord.Condition.EVENT_AGE_EXCEEDED,
                        1,
                        JSON.createObjectNode(),
                        new Invocation.Failed(REQUEST_ID, importStopped(), Duration.ZERO));

        assertThat(record.toJson().at("/requestContext/condition").asText())
                .isEqualTo("EventAgeExceeded");
    }

    @Test
    void aCompletedAttemptIsNoFailureToRecord() {
        assertThatThrownBy(
                        () ->
                                new InvocationRecord(
                                        GIVEN_UP,
                                        "F",
                                        InvocationRecord.Condition.RETRIES_EXHAUSTED,
                                        1,
                                        JSON.createObjectNode(),
                                        new Invocation.Completed(REQUEST_ID, "ok", Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The backfill function's retryable failure, with the frames it would have on Lambda. */
    private static IllegalStateException importStopped() {
        IllegalStateException error =
                new IllegalStateException(
                        "import stopped early, to be retried: imports/alice/bookmarks.html");
        error.setStackTrace(
                new StackTraceElement[] {
                    new StackTraceElement(
                            "dev.linkcrawl.backfill.BackfillLinksHandler",
                            "importAll",
                            "BackfillLinksHandler.java",
                            166),
                    new StackTraceElement(
                            "dev.linkcrawl.backfill.BackfillLinksHandler",
                            "handleRequest",
                            "BackfillLinksHandler.java",
                            140)
                });
        return error;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = InvocationRecordTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
