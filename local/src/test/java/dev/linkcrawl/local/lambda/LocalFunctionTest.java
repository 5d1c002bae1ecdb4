package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One warm function: outcome, timeout and context of each invocation. */
class LocalFunctionTest {

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
