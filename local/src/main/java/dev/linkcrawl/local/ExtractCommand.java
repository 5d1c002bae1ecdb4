package dev.linkcrawl.local;

import dev.linkcrawl.local.lambda.FunctionLoader;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.SamTemplate;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./linkcrawl extract [--url BASE] FILE…}: runs the crawl function's extraction, from the
 * crawl function's own jar, on saved HTML files; one JSON line per file on standard output. No
 * service is needed.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts saved HTML pages as the crawl function does: one JSON line per FILE, in"
                    + " order, with the fields of the index document."
        })
final class ExtractCommand implements Callable<Integer> {

    /** The function whose jar holds the extractor. */
    static final String CRAWL_FUNCTION = "CrawlLinkFunction";

    private final Console console;

    @Option(
            names = "--url",
            paramLabel = "BASE",
            description =
                    "The pages' address, the base of their relative links (default: the file).")
    String url;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files.")
    List<Path> files = new ArrayList<>();

    ExtractCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                console.err().println("linkcrawl extract: cannot read " + file);
                return 2;
            }
        }
        Project project = Project.current();
        FunctionLoader loader =
                new FunctionLoader(project.root(), Clock.systemUTC(), console.err());
        FunctionResource crawl =
                SamTemplate.read(project.template()).functions().stream()
                        .filter(function -> function.logicalId().equals(CRAWL_FUNCTION))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "template.yaml has no " + CRAWL_FUNCTION));
        Path jar = loader.jar(crawl);
        // Its own class loader, as Lambda would load it: the runner's libraries never mix in.
        try (URLClassLoader classes =
                new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> extractFiles =
                    Class.forName("dev.linkcrawl.crawl.extract.ExtractFiles", true, classes);
            extractFiles
                    .getMethod("run", String.class, List.class, java.io.PrintStream.class)
                    .invoke(null, url, List.copyOf(files), console.out());
        } catch (InvocationTargetException e) {
            console.err().println("linkcrawl extract: " + e.getCause());
            return 1;
        }
        return 0;
    }
}
