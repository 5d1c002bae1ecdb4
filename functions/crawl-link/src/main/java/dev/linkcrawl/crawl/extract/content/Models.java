package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.crawl.extract.learn.BoostedTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The trained models, read once from resources beside this class. They are data: {@code
 * ContentTraining --corpus DIR --write OUT} (local/bench) writes them from WCXB's annotations (see
 * docs/crawling.md, "Extraction", for the command).
 */
final class Models {

    /** Which of seven page types a page is ({@code page-type.model}). */
    static final BoostedTrees PAGE_TYPE = read("page-type.model", PageTypeFeatures.NAMES);

    /** A block's first look: content or not, from its own row ({@code main-content.model}). */
    static final BoostedTrees FIRST_LOOK = read("main-content.model", BlockFeatures.NAMES);

    /**
     * A block's second look, with what the first look made of the blocks around it ({@code
     * main-content-context.model}).
     */
    static final BoostedTrees SECOND_LOOK =
            read("main-content-context.model", ContextFeatures.NAMES);

    private Models() {}

    private static BoostedTrees read(String resource, List<String> features) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no model resource " + resource);
            }
            return BoostedTrees.read(in, features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
