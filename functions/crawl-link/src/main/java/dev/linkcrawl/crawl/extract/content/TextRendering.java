package dev.linkcrawl.crawl.extract.content;

import java.util.List;

/**
 * Renders kept blocks as plain text: one block per paragraph, paragraphs separated by a blank line.
 */
final class TextRendering {

    private TextRendering() {}

    static String render(BlockTable table, List<Integer> kept) {
        StringBuilder sb = new StringBuilder();
        for (int i : kept) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(table.text(i));
        }
        return sb.toString();
    }
}
