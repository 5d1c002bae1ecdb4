package dev.linkcrawl.crawl.extract;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The date a reader sees beside the page's title: the first short text that reads as a date within
 * a few hundred characters after the first {@code <h1>} (the byline line: "By Ann Lee · March 3,
 * 2024"), else just before it (a dateline above the headline). It is the date a person would name
 * as the page's, where the markup's dates may be a template's or another item's.
 */
final class DateNearTitle {

    /** Characters of visible text read after the title: 600, a byline and a lead paragraph. */
    static final int AFTER = 600;

    /** Characters of visible text read before the title: 200, a dateline or a kicker. */
    static final int BEFORE = 200;

    /** A date is written in fewer characters than this: 60 ("Updated on 12 March 2024 at 9:00"). */
    static final int MAX_DATE_CHARS = 60;

    private DateNearTitle() {}

    /** The date written next to {@code h1}, or empty when none is. */
    static Optional<OffsetDateTime> of(Element h1) {
        if (h1 == null) {
            return Optional.empty();
        }
        int seen = 0;
        for (Node n = nextOutside(h1); n != null && seen < AFTER; n = next(n)) {
            if (n instanceof Element e && hidden(e)) {
                n = lastInside(e);
                continue;
            }
            if (n instanceof TextNode t) {
                String text = t.text().strip();
                seen += text.length();
                Optional<OffsetDateTime> d = dateIn(t, text);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        seen = 0;
        for (Node n = previous(h1); n != null && seen < BEFORE; n = previous(n)) {
            if (n instanceof TextNode t && !insideHidden(t)) {
                String text = t.text().strip();
                seen += text.length();
                Optional<OffsetDateTime> d = dateIn(t, text);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The date a text node spells, alone or with its element's other short text ("Mar 3" + "2024").
     */
    private static Optional<OffsetDateTime> dateIn(TextNode t, String text) {
        if (text.isEmpty() || text.length() >= MAX_DATE_CHARS) {
            return Optional.empty();
        }
        Optional<OffsetDateTime> d = DateText.parseDateTime(text);
        if (d.isPresent() || !(t.parent() instanceof Element parent)) {
            return d;
        }
        String whole = DateReader.shortText(parent);
        return whole != null && whole.length() < MAX_DATE_CHARS
                ? DateText.parseDateTime(whole)
                : Optional.empty();
    }

    private static boolean hidden(Element e) {
        return switch (e.normalName()) {
            case "script", "style", "noscript", "template", "svg", "select" -> true;
            default -> false;
        };
    }

    private static boolean insideHidden(Node n) {
        return n.parent() instanceof Element e && hidden(e);
    }

    /** The next node in document order, into {@code n}'s children first. */
    private static Node next(Node n) {
        return n.childNodeSize() > 0 ? n.childNode(0) : nextOutside(n);
    }

    /** The next node in document order after all of {@code n}'s descendants. */
    private static Node nextOutside(Node n) {
        for (Node at = n; at != null; at = at.parent()) {
            Node sibling = at.nextSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }

    /** {@code e}'s last descendant, so that {@link #next} steps past {@code e}'s subtree. */
    private static Node lastInside(Element e) {
        Node at = e;
        while (at.childNodeSize() > 0) {
            at = at.childNode(at.childNodeSize() - 1);
        }
        return at;
    }

    /** The previous leaf-first node in document order: the deepest last child of the sibling. */
    private static Node previous(Node n) {
        Node sibling = n.previousSibling();
        if (sibling == null) {
            return n.parent() instanceof Element e && !e.normalName().equals("body") ? e : null;
        }
        Node at = sibling;
        while (at.childNodeSize() > 0) {
            at = at.childNode(at.childNodeSize() - 1);
        }
        return at;
    }
}
