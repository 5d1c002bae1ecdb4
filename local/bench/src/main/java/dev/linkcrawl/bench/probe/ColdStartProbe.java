package dev.linkcrawl.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs inside a fresh JVM whose class path is one function's shaded jar, this class (with {@link
 * dev.linkcrawl.bench.probe.crac}) and {@code aws-lambda-java-serialization}, and does what
 * Lambda's Java runtime does on a cold start: load the handler class, construct it with its no-arg
 * constructor (settings come from the environment), read the event into the handler's input type,
 * and call {@code handleRequest}. It prints one line, {@code {"probe":…}}, with the times in
 * milliseconds:
 *
 * <ul>
 *   <li>{@code jvmStartMs}: JVM start to this {@code main};
 *   <li>{@code initMs}: loading and constructing the handler (Lambda's init, minus the runtime);
 *   <li>{@code primeMs}: with {@code --prime}, the registered CRaC resources' {@code
 *       beforeCheckpoint} and {@code afterRestore} (a SnapStart snapshot, simulated), else -1;
 *   <li>{@code eventMs}: reading the event as the runtime does (not the function's own time);
 *   <li>{@code firstInvokeMs}, {@code secondInvokeMs}: two calls of {@code handleRequest} with the
 *       same event.
 * </ul>
 *
 * <p>Deliberately one class without nested or anonymous classes (the Lambda {@link Context} is a
 * {@link Proxy}), so the benchmark can copy it out as a single class file, and nothing but the JDK
 * is loaded before the handler.
 *
 * <p>Arguments: {@code <handler class> <event file> <function name> <timeout s> <memory MB>
 * [--prime]}. Exit status 0 when both calls returned, 1 when one threw (the line is still printed,
 * with {@code error}).
 */
public final class ColdStartProbe {

    /** How every result line starts; the benchmark ignores anything else the function prints. */
    public static final String LINE_PREFIX = "{\"probe\":";

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long mainEpochMs = System.currentTimeMillis();
        long started = System.nanoTime();
        if (args.length < 5) {
            throw new IllegalArgumentException(
                    "usage: ColdStartProbe <handler class> <event file> <function name>"
                            + " <timeout s> <memory MB> [--prime]");
        }
        String handlerName = args[0];
        Path eventFile = Path.of(args[1]);
        String functionName = args[2];
        long timeoutMs = Long.parseLong(args[3]) * 1000;
        int memoryMb = Integer.parseInt(args[4]);
        boolean prime = args.length > 5 && args[5].equals("--prime");

        Class<?> handlerClass = Class.forName(handlerName);
        Object handler = handlerClass.getConstructor().newInstance();
        long constructed = System.nanoTime();

        long primeNs = -1;
        if (prime) {
            long primeStarted = System.nanoTime();
            try {
                Class.forName("org.crac.Core").getMethod("checkpointRestore").invoke(null);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
            primeNs = System.nanoTime() - primeStarted;
        }

        long eventStarted = System.nanoTime();
        byte[] event = Files.readAllBytes(eventFile);
        Object input = handler instanceof RequestStreamHandler ? event : readEvent(handler, event);
        long eventNs = System.nanoTime() - eventStarted;

        String error = null;
        String response = null;
        long[] invokeNs = {-1, -1};
        for (int call = 0; call < 2 && error == null; call++) {
            Context context = context(functionName, timeoutMs, memoryMb, call);
            long callStarted = System.nanoTime();
            try {
                response = call(handler, input, context);
            } catch (Throwable e) {
                error = e.getClass().getName() + ": " + e.getMessage();
            }
            invokeNs[call] = System.nanoTime() - callStarted;
        }

        long jvmStartMs = mainEpochMs - ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder line = new StringBuilder(LINE_PREFIX).append(quote("coldstart"));
        line.append(",\"handler\":").append(quote(handlerName));
        line.append(",\"jvmStartMs\":").append(jvmStartMs);
        line.append(",\"initMs\":").append(millis(constructed - started));
        line.append(",\"primeMs\":").append(primeNs < 0 ? "-1" : millis(primeNs));
        line.append(",\"eventMs\":").append(millis(eventNs));
        line.append(",\"firstInvokeMs\":").append(millis(invokeNs[0]));
        line.append(",\"secondInvokeMs\":").append(invokeNs[1] < 0 ? "-1" : millis(invokeNs[1]));
        line.append(",\"response\":").append(response == null ? "null" : quote(response));
        line.append(",\"error\":").append(error == null ? "null" : quote(error));
        line.append('}');
        System.out.println(line);
        System.out.flush();
        // The handler's clients may keep non-daemon threads; a Lambda sandbox would be frozen here.
        System.exit(error == null ? 0 : 1);
    }

    /** The event read into the handler's declared input type, as Lambda's runtime reads it. */
    static Object readEvent(Object handler, byte[] event) {
        return LambdaEventSerializers.serializerFor(
                        inputType(handler.getClass()), handler.getClass().getClassLoader())
                .fromJson(new String(event, StandardCharsets.UTF_8));
    }

    /**
     * One call, as Lambda's runtime makes it: a stream handler gets the bytes; a {@link
     * RequestHandler} gets the event object, and its output is written back as JSON.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String call(Object handler, Object input, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream((byte[]) input), output, context);
            return output.toString(StandardCharsets.UTF_8);
        }
        Object output = ((RequestHandler) handler).handleRequest(input, context);
        if (output == null) {
            return "null";
        }
        PojoSerializer serializer =
                LambdaEventSerializers.serializerFor(
                        output.getClass(), handler.getClass().getClassLoader());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        serializer.toJson(output, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    private static Class<?> inputType(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == RequestHandler.class
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> input) {
                return input;
            }
        }
        throw new IllegalArgumentException(
                handlerClass.getName()
                        + " implements neither RequestHandler<I, O> nor"
                        + " RequestStreamHandler");
    }

    /** The Lambda context of one call: its deadline is the function's timeout from now. */
    static Context context(String functionName, long timeoutMs, int memoryMb, int call) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        LambdaLogger logger =
                (LambdaLogger)
                        Proxy.newProxyInstance(
                                ColdStartProbe.class.getClassLoader(),
                                new Class<?>[] {LambdaLogger.class},
                                (proxy, method, args) -> log(method, args));
        return (Context)
                Proxy.newProxyInstance(
                        ColdStartProbe.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getAwsRequestId" -> "coldstart-probe-" + call;
                                    case "getFunctionName" -> functionName;
                                    case "getFunctionVersion" -> "$LATEST";
                                    case "getInvokedFunctionArn" ->
                                            "arn:aws:lambda:us-east-1:000000000000:function:"
                                                    + functionName;
                                    case "getLogGroupName" -> "/aws/lambda/" + functionName;
                                    case "getLogStreamName" -> "coldstart-probe";
                                    case "getRemainingTimeInMillis" ->
                                            (int)
                                                    Math.max(
                                                            0,
                                                            deadline - System.currentTimeMillis());
                                    case "getMemoryLimitInMB" -> memoryMb;
                                    case "getLogger" -> logger;
                                    case "toString" -> "ColdStartProbe context";
                                    case "hashCode" -> System.identityHashCode(proxy);
                                    case "equals" -> proxy == args[0];
                                    default -> null;
                                });
    }

    /** Function log lines go to stderr, so stdout carries only the result line. */
    private static Object log(Method method, Object[] args) {
        if (method.getName().equals("log") && args != null && args.length > 0) {
            Object message = args[0];
            System.err.println(
                    message instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(message));
        }
        return null;
    }

    private static Exception unwrap(InvocationTargetException e) {
        return e.getCause() instanceof Exception cause ? cause : e;
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
