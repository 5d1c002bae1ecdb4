package dev.linkcrawl.bench;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a {@code main} class of the crawl function from its own jar, in its own class loader, the
 * way the runner loads every function: the extraction benchmark measures exactly the code Lambda
 * runs.
 */
final class CrawlJarMain {

    private CrawlJarMain() {}

    static void run(String className, String[] args) {
        Path jar = BenchFiles.crawlJar(BenchFiles.home());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first (./mvnw -B package -DskipTests)");
        }
        try (URLClassLoader loader =
                new URLClassLoader(
                        "crawl-link-bench",
                        new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Class.forName(className, true, loader)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            // A bad argument is the user's to fix: its message alone says what is wrong.
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new IllegalArgumentException(bad.getMessage(), bad);
            }
            throw new IllegalStateException(className + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("cannot run " + className + " from " + jar, e);
        }
    }
}
