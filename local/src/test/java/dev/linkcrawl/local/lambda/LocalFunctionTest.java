package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One warm function: outcome, timeout and context of each invocation. */
class LocalFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void completedInvocationReturnsTheOutput() {
        LocalFunction function =
                function(Duration.ofSeconds(5), (event, context) -> "echo " + event);

        Invocation invocation = function.invoke("hello");

        assertThat(invocation).isInstanceOf(Invocation.Completed.class);
        assertThat(((Invocation.Completed) invocation).output()).isEqualTo("echo hello");
    }

    @Test
    void thrownExceptionIsAFailedInvocation() {
        LocalFunction function =
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            throw new IllegalStateException("boom");
                        });

        Invocation invocation = function.invoke("x");

        assertThat(invocation).isInstanceOf(Invocation.Failed.class);
        assertThat(((Invocation.Failed) invocation).error()).hasMessage("boom");
        assertThat(invocation.outcome()).isEqualTo("failed: IllegalStateException boom");
    }

    @Test
    void handlerRunningPastTheTimeoutIsCutAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        LocalFunction function =
                function(
                        Duration.ofMillis(300),
                        (event, context) -> {
                            try {
                                Thread.sleep(30_000);
                            } catch (InterruptedException e) {
                                interrupted.countDown();
                            }
                            return "too late";
                        });

        long started = System.nanoTime();
        Invocation invocation = function.invoke("x");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(invocation).isInstanceOf(Invocation.TimedOut.class);
        assertThat(tookMs).isBetween(250L, 5_000L);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("Task timed out after 300 ms");
    }

    @Test
    void contextCarriesNameRequestIdAndRemainingTime() {
        Context[] seen = new Context[1];
        int[] remaining = new int[1];
        LocalFunction function =
                function(
                        Duration.ofSeconds(10),
                        (event, context) -> {
                            seen[0] = context;
                            remaining[0] = context.getRemainingTimeInMillis();
                            context.getLogger().log("hello from the handler");
                            return null;
                        });

        Invocation invocation = function.invoke("x");

        assertThat(seen[0].getFunctionName()).isEqualTo("TestFunction");
        assertThat(seen[0].getAwsRequestId()).isEqualTo(invocation.requestId());
        assertThat(seen[0].getMemoryLimitInMB()).isEqualTo(512);
        assertThat(seen[0].getInvokedFunctionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:TestFunction");
        assertThat(remaining[0]).isBetween(8_000, 10_000);
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("[TestFunction " + invocation.requestId() + "] hello from the handler");
    }

    @Test
    void runsOnAThreadWhoseContextClassLoaderIsTheHandlers() {
        AtomicBoolean sameLoader = new AtomicBoolean();
        LocalFunction function =
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            sameLoader.set(
                                    Thread.currentThread().getContextClassLoader()
                                            == LocalFunctionTest.class.getClassLoader());
                            return null;
                        });

        function.invoke("x");

        assertThat(sameLoader).isTrue();
    }

    @Test
    void inputTypeIsReadFromTheRequestHandlerDeclaration() {
        LocalFunction function =
                new LocalFunction(
                        "Typed",
                        Duration.ofSeconds(1),
                        128,
                        new TypedHandler(),
                        Clock.systemUTC(),
                        log);

        assertThat(function.inputType()).isEqualTo(SQSEvent.class);
    }

    @Test
    void streamHandlerReadsTheEventBytesAndItsJsonAnswerIsATree() {
        byte[][] received = new byte[1][];
        LocalFunction function =
                streamFunction(
                        (input, output, context) -> {
                            received[0] = input.readAllBytes();
                            output.write("{\"seen\": 2}".getBytes(StandardCharsets.UTF_8));
                        });

        Invocation invocation = function.invoke(function.readEvent("{\"a\": [1, 2]}"));

        assertThat(new String(received[0], StandardCharsets.UTF_8)).isEqualTo("{\"a\": [1, 2]}");
        assertThat(invocation).isInstanceOf(Invocation.Completed.class);
        Object output = ((Invocation.Completed) invocation).output();
        assertThat(output).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) output).get("seen").asInt()).isEqualTo(2);
    }

    @Test
    void streamHandlerGetsAnEventObjectAsTheJsonLambdaDelivers() throws Exception {
        JsonNode[] received = new JsonNode[1];
        LocalFunction function =
                streamFunction((input, output, context) -> received[0] = JSON.readTree(input));
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody("{\"v\":1}");
        message.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        function.invoke(event);

        JsonNode record = received[0].get("Records").get(0);
        assertThat(record.get("messageId").asText()).isEqualTo("m-1");
        assertThat(record.get("body").asText()).isEqualTo("{\"v\":1}");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
    }

    @Test
    void streamHandlerAnswerThatIsNotJsonIsKeptAsText() {
        LocalFunction function =
                streamFunction(
                        (input, output, context) ->
                                output.write("done\n".getBytes(StandardCharsets.UTF_8)));

        Invocation invocation = function.invoke(new byte[0]);

        assertThat(((Invocation.Completed) invocation).output()).isEqualTo("done\n");
    }

    @Test
    void streamHandlerThatWritesNothingAnswersNull() {
        LocalFunction function = streamFunction((input, output, context) -> input.readAllBytes());

        Invocation invocation = function.invoke("{}");

        assertThat(invocation).isInstanceOf(Invocation.Completed.class);
        assertThat(((Invocation.Completed) invocation).output()).isNull();
    }

    @Test
    void streamHandlerThatThrowsIsAFailedInvocation() {
        LocalFunction function =
                streamFunction(
                        (input, output, context) -> {
                            throw new java.io.IOException("unreadable event");
                        });

        Invocation invocation = function.invoke("{}");

        assertThat(invocation).isInstanceOf(Invocation.Failed.class);
        assertThat(((Invocation.Failed) invocation).error()).hasMessage("unreadable event");
    }

    @Test
    void streamHandlerInputTypeIsAStream() {
        LocalFunction function = streamFunction((input, output, context) -> {});

        assertThat(function.streaming()).isTrue();
        assertThat(function.inputType()).isEqualTo(java.io.InputStream.class);
    }

    @Test
    void typedHandlerReadsWireJsonIntoItsInputType() {
        LocalFunction function =
                new LocalFunction(
                        "Typed",
                        Duration.ofSeconds(1),
                        128,
                        new TypedHandler(),
                        Clock.systemUTC(),
                        log);

        Object event = function.readEvent("{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"x\"}]}");

        assertThat(function.streaming()).isFalse();
        assertThat(event).isInstanceOf(SQSEvent.class);
        assertThat(((SQSEvent) event).getRecords().getFirst().getMessageId()).isEqualTo("m-1");
    }

    private LocalFunction streamFunction(RequestStreamHandler handler) {
        return new LocalFunction(
                "StreamFunction", Duration.ofSeconds(5), 256, handler, Clock.systemUTC(), log);
    }

    static final class TypedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return new SQSBatchResponse();
        }
    }

    private LocalFunction function(Duration timeout, RequestHandler<Object, Object> handler) {
        return new LocalFunction("TestFunction", timeout, 512, handler, Clock.systemUTC(), log);
    }
}
