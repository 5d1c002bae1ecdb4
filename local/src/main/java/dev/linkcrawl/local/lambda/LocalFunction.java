package dev.linkcrawl.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function, warm: a single handler instance (like one Lambda container kept warm; the project's
 * handlers are thread-safe) that runs each invocation on a thread of its own, with the function's
 * class loader as context class loader, and cuts it at the function's timeout.
 *
 * <p>Both handler shapes of the Java runtime run: a {@link RequestHandler RequestHandler<I, O>}
 * gets event objects of its input type and returns objects, a {@link RequestStreamHandler} gets the
 * event's JSON bytes and writes its answer as bytes. Event sources hand either shape the same
 * event: {@link #invoke(Object)} serialises an event object to the JSON Lambda would deliver for a
 * stream handler, and {@link #readEvent(String)} turns wire JSON into what {@link #invoke} takes.
 *
 * <p>Past the timeout the invocation counts as failed and its thread is interrupted and abandoned;
 * a handler that ignores interrupts keeps running in the background, whereas Lambda would freeze
 * its container. Nothing waits for it.
 */
public final class LocalFunction {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader STRICT_JSON =
            JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** How the runtime calls the handler. */
    private sealed interface Entry {
        record Typed(RequestHandler<Object, Object> handler, Class<?> inputType) implements Entry {}

        record Streamed(RequestStreamHandler handler) implements Entry {}
    }

    private final String name;
    private final Duration timeout;
    private final int memorySize;
    private final Entry entry;
    private final ClassLoader classLoader;
    private final Clock clock;
    private final PrintStream log;

    /** A function whose handler is a {@code RequestHandler<I, O>}. */
    @SuppressWarnings("unchecked")
    public LocalFunction(
            String name,
            Duration timeout,
            int memorySize,
            RequestHandler<?, ?> handler,
            Clock clock,
            PrintStream log) {
        this(
                name,
                timeout,
                memorySize,
                new Entry.Typed(
                        (RequestHandler<Object, Object>) Objects.requireNonNull(handler, "handler"),
                        requestHandlerType(handler.getClass(), 0)),
                handler.getClass().getClassLoader(),
                clock,
                log);
    }

    /** A function whose handler is a {@link RequestStreamHandler}: JSON bytes in, bytes out. */
    public LocalFunction(
            String name,
            Duration timeout,
            int memorySize,
            RequestStreamHandler handler,
            Clock clock,
            PrintStream log) {
        this(
                name,
                timeout,
                memorySize,
                new Entry.Streamed(Objects.requireNonNull(handler, "handler")),
                handler.getClass().getClassLoader(),
                clock,
                log);
    }

    private LocalFunction(
            String name,
            Duration timeout,
            int memorySize,
            Entry entry,
            ClassLoader classLoader,
            Clock clock,
            PrintStream log) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.memorySize = memorySize;
        this.entry = entry;
        this.classLoader = classLoader;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether the handler is a {@link RequestStreamHandler}. */
    public boolean streaming() {
        return entry instanceof Entry.Streamed;
    }

    /**
     * The {@code I} of the handler's {@code RequestHandler<I, O>} (Object when not declared); for a
     * stream handler, {@link InputStream}.
     */
    public Class<?> inputType() {
        return switch (entry) {
            case Entry.Typed typed -> typed.inputType();
            case Entry.Streamed streamed -> InputStream.class;
        };
    }

    /** The class loader of the handler (its jar), for deserialising events into its types. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * The event {@link #invoke} takes for this wire JSON: for a {@code RequestHandler}, an instance
     * of its input type read the way the Lambda runtime reads it; for a stream handler, the bytes
     * themselves (Lambda does not look inside them).
     *
     * @throws RuntimeException when the JSON cannot become the handler's input type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object readEvent(String json) {
        return switch (entry) {
            case Entry.Typed typed -> {
                PojoSerializer serializer =
                        LambdaEventSerializers.serializerFor(
                                (Class) typed.inputType(), classLoader);
                yield serializer.fromJson(json);
            }
            case Entry.Streamed streamed -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    /**
     * Runs the handler once with {@code event}, at most for the function's timeout.
     *
     * <p>A stream handler reads {@code event} as JSON: a {@code byte[]} or {@code String} is passed
     * as it is, a Jackson tree is written out, and an event object (an {@code SQSEvent}, an {@code
     * APIGatewayV2HTTPEvent}…) is serialised as Lambda delivers it. What it writes comes back as
     * the {@link Invocation.Completed#output() output}: a {@link JsonNode} when it is JSON, else
     * the text; {@code null} when it wrote nothing.
     */
    public Invocation invoke(Object event) {
        String requestId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        LocalContext context =
                new LocalContext(name, memorySize, requestId, started.plus(timeout), clock, log);
        FutureTask<Object> task =
                new FutureTask<>(
                        () -> {
                            Thread.currentThread().setContextClassLoader(classLoader);
                            return switch (entry) {
                                case Entry.Typed typed ->
                                        typed.handler().handleRequest(event, context);
                                case Entry.Streamed streamed -> {
                                    ByteArrayOutputStream output = new ByteArrayOutputStream();
                                    streamed.handler()
                                            .handleRequest(
                                                    new ByteArrayInputStream(eventBytes(event)),
                                                    output,
                                                    context);
                                    yield streamOutput(output.toByteArray());
                                }
                            };
                        });
        Thread.ofPlatform().daemon().name(name + "-" + requestId.substring(0, 8)).start(task);
        try {
            Object output = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Invocation.Completed(requestId, output, since(started));
        } catch (TimeoutException e) {
            task.cancel(true);
            context.getLogger().log("Task timed out after " + timeout.toMillis() + " ms");
            return new Invocation.TimedOut(requestId, since(started));
        } catch (ExecutionException e) {
            Throwable error = e.getCause() == null ? e : e.getCause();
            return new Invocation.Failed(requestId, error, since(started));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return new Invocation.Failed(requestId, e, since(started));
        }
    }

    /**
     * The JSON a stream handler reads for {@code event}; also what an invocation record shows as
     * the event ({@link AsyncInvoker}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    byte[] eventBytes(Object event) throws JsonProcessingException {
        if (event == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        if (event instanceof byte[] bytes) {
            return bytes;
        }
        if (event instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (event instanceof JsonNode tree) {
            return JSON.writeValueAsBytes(tree);
        }
        // Lambda's own serializers know the event classes' wire names ("Records", …).
        PojoSerializer serializer =
                LambdaEventSerializers.serializerFor((Class) event.getClass(), classLoader);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.toJson(event, bytes);
        return bytes.toByteArray();
    }

    /** A stream handler's answer: JSON as a tree, anything else as text, nothing as null. */
    static Object streamOutput(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode tree = STRICT_JSON.readTree(bytes);
            if (tree != null && !tree.isMissingNode()) {
                return tree;
            }
        } catch (java.io.IOException e) {
            // Not JSON: Lambda passes such bytes on as they are.
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    /** Type argument {@code index} of the {@code RequestHandler} a class implements. */
    static Class<?> requestHandlerType(Class<?> handlerClass, int index) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type argument = parameterized.getActualTypeArguments()[index];
                    if (argument instanceof Class<?> c) {
                        return c;
                    }
                    if (argument instanceof ParameterizedType p
                            && p.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                    return Object.class;
                }
            }
        }
        return Object.class;
    }
}
