package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.crawl.extract.content.Blocks.Block;
import dev.linkcrawl.index.PageType;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A page cut into blocks with the feature rows content selection decides on, and the row its page
 * type is judged by: what the selection steps use, and what the training tools learn from.
 */
public final class BlockTable {

    private static final int TYPE_SLOTS = PageType.values().length;

    private final Blocks.Page page;
    private final TextDensity density;
    private final float[][] rows;
    private final float[] pageRow;
    private PageType type = PageType.OTHER;

    private BlockTable(Blocks.Page page, TextDensity density, float[][] rows, float[] pageRow) {
        this.page = page;
        this.density = density;
        this.rows = rows;
        this.pageRow = pageRow;
    }

    /** Cuts {@code body} into blocks and computes their rows; the page type is not yet set. */
    public static BlockTable of(Element body, PageHints hints) {
        return of(body, (el, a) -> {}, () -> hints);
    }

    /**
     * Cuts {@code body} into blocks, handing each element to {@code everyElement} on the way, and
     * computes their rows with the {@code hints} known once the walk is done.
     */
    static BlockTable of(
            Element body,
            java.util.function.BiConsumer<Element, ElementAttributes> everyElement,
            java.util.function.Supplier<PageHints> supplied) {
        return of(body, everyElement, supplied, () -> {});
    }

    /** Like the above, running {@code checkpoint} between its steps. */
    static BlockTable of(
            Element body,
            java.util.function.BiConsumer<Element, ElementAttributes> everyElement,
            java.util.function.Supplier<PageHints> supplied,
            Runnable checkpoint) {
        Blocks.Page page = Blocks.of(body, everyElement);
        checkpoint.run();
        PageHints hints = supplied.get();
        TextDensity density = TextDensity.of(page);
        checkpoint.run();
        int[] repeated = Repetition.ofBlocks(page);
        checkpoint.run();
        return new BlockTable(
                page,
                density,
                BlockFeatures.rows(page, density, repeated, hints.title()),
                PageTypeFeatures.row(hints, page, density, repeated));
    }

    /** The feature names of each block row. */
    public static List<String> featureNames() {
        return BlockFeatures.NAMES;
    }

    /** The feature names of the second look's rows. */
    public static List<String> contextFeatureNames() {
        return ContextFeatures.NAMES;
    }

    /** The second look's rows, from the first look's probability of each block. */
    public static float[][] contextRows(BlockTable table, double[] first) {
        return ContextFeatures.rows(table, first);
    }

    /** The feature names of the page row. */
    public static List<String> pageFeatureNames() {
        return PageTypeFeatures.NAMES;
    }

    /** Sets the page type every block row carries. */
    public void setType(PageType type) {
        this.type = type;
        for (float[] r : rows) {
            int at = r.length - TYPE_SLOTS;
            java.util.Arrays.fill(r, at, r.length, 0);
            r[at + type.ordinal()] = 1;
        }
    }

    /** The page type last set, {@link PageType#OTHER} before. */
    public PageType type() {
        return type;
    }

    /** {@code kept} without the blocks {@link BoilerplatePruning} drops, in order. */
    public List<Integer> pruned(List<Integer> kept) {
        return BoilerplatePruning.prune(this, kept);
    }

    public int size() {
        return page.blocks().size();
    }

    /** The text of block {@code i}. */
    public String text(int i) {
        return page.blocks().get(i).text();
    }

    /** The feature row of block {@code i}. */
    public float[] row(int i) {
        return rows[i];
    }

    /** The row the page's type is judged by. */
    public float[] pageRow() {
        return pageRow;
    }

    /** The element that owns block {@code i}. */
    public Element owner(int i) {
        return page.blocks().get(i).owner();
    }

    Block block(int i) {
        return page.blocks().get(i);
    }

    TextDensity density() {
        return density;
    }

    /** The body's elements, as the walk numbered them. */
    ElementTree tree() {
        return page.tree();
    }
}
