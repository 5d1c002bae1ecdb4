package dev.linkcrawl.crawl.extract;

import java.util.List;

/**
 * Adversarial pages of about 5 MiB (the fetch's body cap), one per shape that can make a parser or
 * an extractor spend time out of proportion to the bytes: deep nesting, one element with a million
 * attributes, a huge table, one enormous text node. Used by {@code HostileMarkupBench}
 * (local/bench) and by the tests that hold extraction to its budget.
 */
public enum HostileMarkup {
    /** 100,000 nested {@code <div>}s around one sentence. */
    NESTED_DIVS {
        @Override
        public String html() {
            return page("<div>".repeat(100_000) + "<p>deep inside</p>" + "</div>".repeat(100_000));
        }
    },
    /**
     * 100,000 nested formatting elements, left unclosed, then misnested closes: what the HTML
     * adoption agency algorithm reconstructs for every later element.
     */
    NESTED_FORMATTING {
        @Override
        public String html() {
            return page(
                    "<b><i>".repeat(50_000)
                            + "<p>formatted</p>".repeat(1_000)
                            + "</b>".repeat(50_000));
        }
    },
    /** One element with 1,000,000 attributes. */
    MILLION_ATTRIBUTES_ON_ONE_ELEMENT {
        @Override
        public String html() {
            StringBuilder tag = new StringBuilder("<div");
            for (int i = 0; i < 1_000_000; i++) {
                tag.append(" a").append(Integer.toString(i, 36));
            }
            return page(tag + ">one element</div>");
        }
    },
    /** 1,000,000 attributes over 100,000 elements, ten each. */
    MILLION_ATTRIBUTES_OVER_ELEMENTS {
        @Override
        public String html() {
            return page("<span a b c d e f g h i j>x</span>".repeat(100_000));
        }
    },
    /** A table of 2,000 rows by 250 cells. */
    HUGE_TABLE {
        @Override
        public String html() {
            String row = "<tr>" + "<td>c</td>".repeat(250) + "</tr>";
            return page("<table>" + row.repeat(2_000) + "</table>");
        }
    },
    /** 4.5 MB of quote-heavy paragraphs, 90,000 of them: text JSON escapes, in many blocks. */
    QUOTE_HEAVY_PARAGRAPHS {
        @Override
        public String html() {
            return page(
                    "<article>"
                            + "<p>\"Quoted,\" she said, \"and \\\"quoted\\\" again.\"</p>\n"
                                    .repeat(90_000)
                            + "</article>");
        }
    },
    /** 5 MiB of words in one text node. */
    ENORMOUS_TEXT_NODE {
        @Override
        public String html() {
            return page("<p>" + "\"quoted\" words and more words ".repeat(170_000) + "</p>");
        }
    },
    /** 5 MiB of one word: a text node without a single space. */
    ENORMOUS_WORD {
        @Override
        public String html() {
            return page("<p>" + "x".repeat(5 * 1024 * 1024) + "</p>");
        }
    };

    /** The page, about 5 MiB. */
    public abstract String html();

    /** Every shape, in order. */
    public static List<HostileMarkup> all() {
        return List.of(values());
    }

    private static String page(String body) {
        return "<!doctype html><html><head><title>Hostile</title></head><body>"
                + body
                + "</body></html>";
    }
}
