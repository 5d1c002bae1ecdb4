package dev.linkcrawl.bench;

import java.nio.file.Path;

/** Where the benchmarks find the checkout: {@code -Dlinkcrawl.home}, else the working folder. */
final class BenchFiles {

    private BenchFiles() {}

    static Path home() {
        return Path.of(System.getProperty("linkcrawl.home", ".")).toAbsolutePath().normalize();
    }

    /** The crawl function's deployment jar, the template's {@code CodeUri}. */
    static Path crawlJar(Path home) {
        return home.resolve("functions/crawl-link/target/crawl-link.jar");
    }
}
