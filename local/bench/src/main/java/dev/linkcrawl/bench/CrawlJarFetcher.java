package dev.linkcrawl.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The crawl function's own {@code OkHttpPageFetcher}, loaded from {@code crawl-link.jar} in a class
 * loader of its own, as the runner loads every function: the runner never links against a function
 * (their libraries would meet OpenSearch's), so the few calls go through reflection here.
 */
final class CrawlJarFetcher implements AutoCloseable {

    /**
     * One fetch as the benchmarks see it.
     *
     * @param kind {@code Page}, {@code NotHtml} or {@code Failed}
     * @param code the failure code, or empty
     * @param bytes body bytes read after decompression (0 for a failure)
     * @param truncated whether the body was cut at the cap
     * @param observedMs wall time of the call, measured here
     * @param outcome the fetcher's own result object, kept so its memory stays reachable
     */
    record Fetched(
            String kind,
            String code,
            long bytes,
            boolean truncated,
            long observedMs,
            Object outcome) {}

    private final URLClassLoader loader;
    private final Object fetcher;
    private final Object policy;
    private final Method check;
    private final Method fetch;

    /**
     * @param jar {@code functions/crawl-link/target/crawl-link.jar}
     * @param deadline the whole-fetch deadline
     * @param loopbackPorts 127.0.0.1 ports exempt from the address rules and allowed as ports
     */
    CrawlJarFetcher(Path jar, Duration deadline, List<Integer> loopbackPorts) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(
                    jar + " is missing: build it first (./mvnw -B package -DskipTests)");
        }
        this.loader =
                new URLClassLoader(
                        "crawl-link-bench",
                        new URL[] {url(jar)},
                        ClassLoader.getPlatformClassLoader());
        try {
            Class<?> hostPort = type("dev.linkcrawl.url.HostPort");
            Class<?> urlPolicy = type("dev.linkcrawl.url.UrlPolicy");
            Class<?> settingsType = type("dev.linkcrawl.crawl.fetch.FetchSettings");
            Class<?> linkUrl = type("dev.linkcrawl.url.LinkUrl");
            Set<Integer> ports = new HashSet<>(Set.of(80, 443, 8080, 8443));
            ports.addAll(loopbackPorts);
            Set<Object> exempt = new HashSet<>();
            for (int port : loopbackPorts) {
                exempt.add(
                        hostPort.getConstructor(String.class, int.class)
                                .newInstance("127.0.0.1", port));
            }
            this.policy = urlPolicy.getConstructor(Set.class, Set.class).newInstance(ports, exempt);
            Object settings = settingsType.getMethod("defaults").invoke(null);
            settings =
                    settingsType
                            .getMethod("withDeadline", Duration.class)
                            .invoke(settings, deadline);
            settings = settingsType.getMethod("withUrlPolicy", urlPolicy).invoke(settings, policy);
            this.fetcher =
                    type("dev.linkcrawl.crawl.fetch.OkHttpPageFetcher")
                            .getConstructor(settingsType)
                            .newInstance(settings);
            this.check = linkUrl.getMethod("check", String.class, urlPolicy);
            this.fetch =
                    type("dev.linkcrawl.crawl.fetch.PageFetcher")
                            .getMethod("fetch", linkUrl, Instant.class);
        } catch (ReflectiveOperationException e) {
            loader.close();
            throw new IllegalStateException(
                    jar + " does not hold the fetcher API this bench expects: " + e, e);
        }
    }

    /** Fetches {@code raw} with the deadline from now. */
    Fetched fetch(String raw, Duration deadline) {
        try {
            Object checked = check.invoke(null, raw, policy);
            if (!checked.getClass().getSimpleName().equals("Accepted")) {
                throw new IllegalArgumentException("the URL rules refuse " + raw + ": " + checked);
            }
            Object url = checked.getClass().getMethod("url").invoke(checked);
            long start = System.nanoTime();
            Object outcome = fetch.invoke(fetcher, url, Instant.now().plus(deadline));
            long observedMs = (System.nanoTime() - start) / 1_000_000;
            String kind = outcome.getClass().getSimpleName();
            if (kind.equals("Failed")) {
                return new Fetched(
                        kind,
                        String.valueOf(accessor(outcome, "code")),
                        0,
                        false,
                        observedMs,
                        outcome);
            }
            return new Fetched(
                    kind,
                    "",
                    (long) accessor(outcome, "bytes"),
                    (boolean) accessor(outcome, "truncated"),
                    observedMs,
                    outcome);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "the fetcher threw, which it promises never to do", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    private static Object accessor(Object record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static URL url(Path jar) throws MalformedURLException {
        return jar.toUri().toURL();
    }
}
