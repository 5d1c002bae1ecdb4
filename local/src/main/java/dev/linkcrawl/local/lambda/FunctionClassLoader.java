package dev.linkcrawl.local.lambda;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads a function from its deployment jar alone, as Lambda does: a class missing from the jar is
 * missing locally too, and the function's libraries never meet the runner's (OpenSearch's Netty,
 * ElasticMQ's Scala). Only the Lambda runtime interfaces and event types ({@code
 * com.amazonaws.services.lambda.runtime.*}) come from the runner, so that events, responses and the
 * {@link com.amazonaws.services.lambda.runtime.Context} pass between the two without copying.
 */
final class FunctionClassLoader extends URLClassLoader {

    private static final String SHARED_PACKAGE = "com.amazonaws.services.lambda.runtime.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runner;

    FunctionClassLoader(String functionName, Path jar, ClassLoader runner) {
        super(functionName, new URL[] {toUrl(jar)}, ClassLoader.getPlatformClassLoader());
        this.runner = runner;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED_PACKAGE)) {
            return runner.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable jar path: " + jar, e);
        }
    }
}
