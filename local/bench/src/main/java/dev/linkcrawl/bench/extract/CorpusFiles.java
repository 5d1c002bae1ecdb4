package dev.linkcrawl.bench.extract;

import dev.linkcrawl.crawl.extract.LenientJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the dev corpora's files are read by {@link ExtractBench}'s scorers. */
final class CorpusFiles {

    private CorpusFiles() {}

    /** A corpus file's text, UTF-8. */
    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** A corpus JSON file, as {@link LenientJson} reads it (objects are maps, arrays lists). */
    static Object json(Path p) throws IOException {
        return LenientJson.parse(read(p)).orElseThrow();
    }

    /** A JSON value as text; JSON null and a missing value are {@code null}. */
    static String str(Object o) {
        return o == null || o == LenientJson.NULL
                ? null
                : o instanceof String s ? s : String.valueOf(o);
    }
}
