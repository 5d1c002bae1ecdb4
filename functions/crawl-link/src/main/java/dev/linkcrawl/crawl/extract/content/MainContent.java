package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.index.PageType;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A page's main content, in named steps: cut the body into blocks ({@link Blocks}), recognise the
 * page type ({@link PageTypeRecognition}), judge each block as content or boilerplate in two looks
 * ({@link ContentSelection}), prune what no reader wants ({@link BoilerplatePruning}) and render
 * what is kept ({@link TextRendering}).
 */
public final class MainContent {

    /**
     * The outcome.
     *
     * @param text the main text, blocks separated by blank lines
     * @param type the page type
     * @param typeConfidence the recogniser's probability of that type
     * @param confidence how complete and clean the text is judged to be (0–1): the F1 the selection
     *     expects of itself from its own probabilities
     * @param pageChars visible characters of the whole body
     * @param scope the element around the kept blocks' container, where its byline and date live
     * @param firstParagraph the first kept block that is a {@code <p>}, or null
     */
    public record Result(
            String text,
            PageType type,
            double typeConfidence,
            double confidence,
            int pageChars,
            Element scope,
            String firstParagraph) {}

    private MainContent() {}

    /** The main content of {@code body}; an absent body has none. */
    public static Result of(Element body, PageHints hints) {
        return of(body, (el, a) -> {}, () -> hints);
    }

    /**
     * The main content of {@code body}, handing each element of the body and what its attributes
     * say to {@code everyElement} on the way (so a caller that needs them walks the body once, not
     * twice); {@code hints} is asked for once the walk is done.
     */
    public static Result of(
            Element body,
            java.util.function.BiConsumer<Element, ElementAttributes> everyElement,
            java.util.function.Supplier<PageHints> hints) {
        return of(body, everyElement, hints, () -> {});
    }

    /**
     * Like {@link #of(Element, java.util.function.BiConsumer, java.util.function.Supplier)},
     * running {@code checkpoint} between the steps and every {@value
     * ContentSelection#BLOCKS_PER_CHECKPOINT} blocks inside content selection; a checkpoint that
     * throws stops the extraction (a budget).
     */
    public static Result of(
            Element body,
            java.util.function.BiConsumer<Element, ElementAttributes> everyElement,
            java.util.function.Supplier<PageHints> hints,
            Runnable checkpoint) {
        if (body == null) {
            return new Result("", PageType.OTHER, 0, 0, 0, null, null);
        }
        BlockTable table = BlockTable.of(body, everyElement, hints, checkpoint);
        checkpoint.run();
        PageTypeRecognition.Recognised type = PageTypeRecognition.recognise(table);
        table.setType(type.type());
        checkpoint.run();
        ContentSelection.Selection selected = ContentSelection.select(table, checkpoint);
        checkpoint.run();
        List<Integer> kept = BoilerplatePruning.prune(table, selected.kept());
        checkpoint.run();
        return new Result(
                TextRendering.render(table, kept),
                type.type(),
                type.probability(),
                selected.expectedF1(),
                table.density().page().chars,
                selected.container(),
                firstParagraph(table, kept));
    }

    private static String firstParagraph(BlockTable table, List<Integer> kept) {
        for (int i : kept) {
            if (table.owner(i).normalName().equals("p")) {
                return table.text(i);
            }
        }
        return null;
    }
}
