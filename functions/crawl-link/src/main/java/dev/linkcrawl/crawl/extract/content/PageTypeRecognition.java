package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.index.PageType;

/**
 * Recognises a page's type from its page row ({@link PageTypeFeatures}) with the trained {@link
 * Models#PAGE_TYPE}: the most probable of the seven types WCXB annotates. A page without a single
 * block is {@link PageType#OTHER}.
 */
final class PageTypeRecognition {

    /** A type and the model's probability of it. */
    record Recognised(PageType type, double probability) {}

    private PageTypeRecognition() {}

    static Recognised recognise(BlockTable table) {
        if (table.size() == 0) {
            return new Recognised(PageType.OTHER, 1);
        }
        double[] p = Models.PAGE_TYPE.probabilities(table.pageRow());
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        PageType type =
                PageType.ofLabel(Models.PAGE_TYPE.classes().get(best)).orElse(PageType.OTHER);
        return new Recognised(type, p[best]);
    }
}
