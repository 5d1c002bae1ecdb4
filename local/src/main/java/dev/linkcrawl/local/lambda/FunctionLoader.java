package dev.linkcrawl.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.linkcrawl.local.template.FunctionResource;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipFile;

/**
 * Builds a {@link LocalFunction} from a template function: its class is loaded from the jar its
 * {@code CodeUri} names, and the handler is built with its public constructor taking {@code
 * dev.linkcrawl.config.Settings}, from {@code Settings.from(environment)} — the project's
 * convention, since a function in this JVM cannot be given its own {@code System.getenv()}. The
 * handler is a {@code RequestHandler<I, O>} or a {@code RequestStreamHandler}, as the Java runtime
 * accepts.
 */
public final class FunctionLoader {

    static final String SETTINGS_CLASS = "dev.linkcrawl.config.Settings";

    private final Path templateFolder;
    private final Clock clock;
    private final PrintStream log;

    /**
     * A loader for functions of the template in {@code templateFolder}. Sets the JVM's AWS
     * credentials to fixed local ones ({@code aws.accessKeyId}, {@code aws.secretAccessKey}): the
     * functions build their clients with the SDK's default chain, which reads those first, and the
     * local services accept any credentials — so no real credentials are ever used.
     */
    public FunctionLoader(Path templateFolder, Clock clock, PrintStream log) {
        this.templateFolder = Objects.requireNonNull(templateFolder, "templateFolder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    /** The jar a function's {@code CodeUri} names, resolved against the template's folder. */
    public Path jar(FunctionResource function) {
        return templateFolder.resolve(function.codeUri()).normalize();
    }

    /**
     * Whether the function's jar holds its handler class; false when the jar is missing too.
     *
     * @throws IOException when the jar exists but cannot be read
     */
    public boolean jarHoldsHandler(FunctionResource function) throws IOException {
        Path jar = jar(function);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(function.handler().className().replace('.', '/') + ".class")
                    != null;
        }
    }

    /**
     * Loads and starts (constructs) the function's handler.
     *
     * @throws FunctionUnavailableException when its jar or class is missing ({@code NOT_BUILT}) or
     *     its constructor fails ({@code INIT_FAILED})
     */
    public LocalFunction load(FunctionResource function, Map<String, String> environment)
            throws FunctionUnavailableException {
        String name = function.logicalId();
        String className = function.handler().className();
        Path jar = jar(function);
        if (!Files.isRegularFile(jar)) {
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.NOT_BUILT,
                    "jar "
                            + jar
                            + " (its CodeUri) does not exist; build it with ./mvnw -B package"
                            + " -DskipTests");
        }
        FunctionClassLoader loader =
                new FunctionClassLoader(name, jar, FunctionLoader.class.getClassLoader());
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.NOT_BUILT,
                    "handler class " + className + " is not on the classpath (" + jar + ")",
                    e);
        }
        // The Java runtime prefers the stream interface when a class implements both.
        boolean streaming = RequestStreamHandler.class.isAssignableFrom(handlerClass);
        if (!streaming && !RequestHandler.class.isAssignableFrom(handlerClass)) {
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.NOT_BUILT,
                    className
                            + " implements neither RequestHandler nor RequestStreamHandler; the"
                            + " local runner runs only those (handleRequest)");
        }
        if (!function.handler().method().equals("handleRequest")) {
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.NOT_BUILT,
                    "handler method "
                            + function.handler().method()
                            + " is not "
                            + (streaming ? "RequestStreamHandler" : "RequestHandler")
                            + ".handleRequest");
        }
        Object handler = construct(name, handlerClass, loader, environment);
        return streaming
                ? new LocalFunction(
                        name,
                        function.timeout(),
                        function.memorySize(),
                        (RequestStreamHandler) handler,
                        clock,
                        log)
                : new LocalFunction(
                        name,
                        function.timeout(),
                        function.memorySize(),
                        (RequestHandler<?, ?>) handler,
                        clock,
                        log);
    }

    private static Object construct(
            String name, Class<?> handlerClass, ClassLoader loader, Map<String, String> environment)
            throws FunctionUnavailableException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> settingsClass = Class.forName(SETTINGS_CLASS, true, loader);
            Constructor<?> constructor = handlerClass.getConstructor(settingsClass);
            Method from = settingsClass.getMethod("from", Map.class);
            Object settings = from.invoke(null, Map.copyOf(environment));
            return constructor.newInstance(settings);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.NOT_BUILT,
                    handlerClass.getName()
                            + " needs a public constructor taking "
                            + SETTINGS_CLASS
                            + " so that the runner can pass the function its environment",
                    e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FunctionUnavailableException(
                    name,
                    FunctionUnavailableException.Reason.INIT_FAILED,
                    "init failed: " + cause,
                    cause);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new FunctionUnavailableException(
                    name, FunctionUnavailableException.Reason.INIT_FAILED, "init failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
