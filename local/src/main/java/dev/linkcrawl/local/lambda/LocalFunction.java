package dev.linkcrawl.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
 * <p>Past the timeout the invocation counts as failed and its thread is interrupted and abandoned;
 * a handler that ignores interrupts keeps running in the background, whereas Lambda would freeze
 * its container. Nothing waits for it.
 */
public final class LocalFunction {

    private final String name;
    private final Duration timeout;
    private final int memorySize;
    private final RequestHandler<Object, Object> handler;
    private final Class<?> inputType;
    private final ClassLoader classLoader;
    private final Clock clock;
    private final PrintStream log;

    @SuppressWarnings("unchecked")
    public LocalFunction(
            String name,
            Duration timeout,
            int memorySize,
            RequestHandler<?, ?> handler,
            Clock clock,
            PrintStream log) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.memorySize = memorySize;
        this.handler = (RequestHandler<Object, Object>) Objects.requireNonNull(handler, "handler");
        this.inputType = requestHandlerType(handler.getClass(), 0);
        this.classLoader = handler.getClass().getClassLoader();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The {@code I} of the handler's {@code RequestHandler<I, O>}; Object when not declared. */
    public Class<?> inputType() {
        return inputType;
    }

    /** The class loader of the handler (its jar), for deserialising events into its types. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Runs the handler once with {@code event}, at most for the function's timeout. */
    public Invocation invoke(Object event) {
        String requestId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        LocalContext context =
                new LocalContext(name, memorySize, requestId, started.plus(timeout), clock, log);
        FutureTask<Object> task =
                new FutureTask<>(
                        () -> {
                            Thread.currentThread().setContextClassLoader(classLoader);
                            return handler.handleRequest(event, context);
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
