package dev.linkcrawl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * News-site article pages for the throughput benchmark, so that each crawl extracts something a
 * real page would give it: {@value #VARIANTS} distinct articles of about 12–16 KB each (OpenGraph
 * and Twitter tags, JSON-LD, a navigation bar, a cookie banner, eight to twelve paragraphs with
 * headings, a quotation, a figure and a list, a sidebar of related links, a footer, scripts). The
 * articles are rendered once; a path picks one by its hash and is written into its title and
 * heading, so every link is its own document.
 */
final class ArticlePages {

    /** Distinct articles: {@value}. */
    static final int VARIANTS = 6;

    private static final String PATH = "\u0000path\u0000";
    private static final String[] WORDS = {
        "the",
        "crawler",
        "queue",
        "link",
        "page",
        "reader",
        "server",
        "night",
        "team",
        "city",
        "report",
        "council",
        "river",
        "budget",
        "school",
        "market",
        "winter",
        "season",
        "station",
        "archive",
        "library",
        "bridge",
        "harbour",
        "festival",
        "garden",
        "museum",
        "record",
        "question",
        "answer",
        "evening",
        "morning",
        "history",
        "street",
        "village",
        "project",
        "engineer",
        "student",
        "teacher",
        "weather",
        "journey",
        "language",
        "decision",
        "plan",
        "changed",
        "opened",
        "measured",
        "carried",
        "waited",
        "found",
        "wrote",
        "built",
        "asked",
        "moved",
        "kept",
        "slow",
        "quiet",
        "early",
        "late",
        "new",
        "old",
        "public",
        "local",
        "small",
        "large",
        "careful",
        "steady",
        "bright",
        "long",
        "short",
        "every",
        "several",
        "many",
        "few",
        "after",
        "before",
        "during",
        "while",
        "because",
        "although",
        "since",
        "until",
        "and",
        "but",
        "so",
        "yet",
        "with",
        "without",
        "across",
        "along",
        "under",
        "over",
        "between"
    };
    private static final String[] AUTHORS = {
        "Ada Lovelace",
        "Grace Hopper",
        "Edsger Dijkstra",
        "Barbara Liskov",
        "Alan Kay",
        "Frances Allen"
    };

    private final List<String> articles;

    ArticlePages() {
        List<String> rendered = new ArrayList<>();
        for (int variant = 0; variant < VARIANTS; variant++) {
            rendered.add(render(variant, new Random(7_919L * (variant + 1))));
        }
        this.articles = List.copyOf(rendered);
    }

    /** The article at {@code path}; the same path always gives the same page. */
    String page(String path) {
        String escaped = path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return articles.get(Math.floorMod(path.hashCode(), VARIANTS)).replace(PATH, escaped);
    }

    private static String render(int variant, Random random) {
        String headline = capitalised(words(random, 6 + variant % 3));
        String author = AUTHORS[variant];
        String date = "2026-11-" + (10 + variant) + "T08:" + (10 + variant) + ":00Z";
        String description = capitalised(words(random, 24)) + ".";
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(headline)
                .append(" (")
                .append(PATH)
                .append(") | The Loopback Review</title>")
                .append("<meta name=\"description\" content=\"")
                .append(description)
                .append("\"><meta property=\"og:type\" content=\"article\">")
                .append("<meta property=\"og:title\" content=\"")
                .append(headline)
                .append("\"><meta property=\"og:site_name\" content=\"The Loopback Review\">")
                .append("<meta property=\"og:image\" content=\"/images/lead-")
                .append(variant)
                .append(".jpg\"><meta name=\"twitter:card\" content=\"summary_large_image\">")
                .append("<meta name=\"author\" content=\"")
                .append(author)
                .append("\"><link rel=\"canonical\" href=\"")
                .append(PATH)
                .append("\"><link rel=\"icon\" href=\"/favicon.ico\">")
                .append("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">")
                .append(
                        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
                .append("\"@type\":\"NewsArticle\",\"headline\":\"")
                .append(headline)
                .append("\",\"datePublished\":\"")
                .append(date)
                .append("\",\"author\":{\"@type\":\"Person\",\"name\":\"")
                .append(author)
                .append("\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Loopback")
                .append(" Review\"}}</script>")
                .append("<style>body{font-family:serif;margin:0}nav a{margin:0 .5em}")
                .append(".sidebar{float:right;width:30%}.ad{background:#eee;height:250px}</style>")
                .append("</head><body><header class=\"site-header\"><a class=\"logo\" href=\"/\">")
                .append("The Loopback Review</a><nav>");
        for (String section :
                List.of(
                        "News",
                        "City",
                        "World",
                        "Business",
                        "Science",
                        "Culture",
                        "Sport",
                        "Opinion",
                        "Weather",
                        "Podcasts",
                        "Newsletters",
                        "Archive")) {
            html.append("<a href=\"/")
                    .append(section.toLowerCase(java.util.Locale.ROOT))
                    .append("/\">")
                    .append(section)
                    .append("</a>");
        }
        html.append("</nav></header><div class=\"cookie-banner\">We use cookies to remember")
                .append(" your choices. <button>Accept</button> <button>Settings</button></div>")
                .append("<main><article class=\"story\"><h1>")
                .append(headline)
                .append(" (")
                .append(PATH)
                .append(")</h1><p class=\"byline\">By <a rel=\"author\" href=\"/people/")
                .append(variant)
                .append("\">")
                .append(author)
                .append("</a> · <time datetime=\"")
                .append(date)
                .append("\">")
                .append(date, 0, 10)
                .append("</time></p><p class=\"standfirst\">")
                .append(description)
                .append("</p>");
        int paragraphs = 8 + variant % 5;
        for (int i = 0; i < paragraphs; i++) {
            if (i == 3 || i == 7) {
                html.append("<h2>").append(capitalised(words(random, 5))).append("</h2>");
            }
            if (i == 4) {
                html.append("<blockquote><p>")
                        .append(capitalised(words(random, 22)))
                        .append(".</p></blockquote><figure><img src=\"/images/figure-")
                        .append(variant)
                        .append(".jpg\" alt=\"")
                        .append(words(random, 6))
                        .append("\"><figcaption>")
                        .append(capitalised(words(random, 12)))
                        .append(".</figcaption></figure>");
            }
            if (i == 6) {
                html.append("<ul>");
                for (int item = 0; item < 4; item++) {
                    html.append("<li>").append(capitalised(words(random, 9))).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("<p>");
            int sentences = 4 + random.nextInt(4);
            for (int sentence = 0; sentence < sentences; sentence++) {
                html.append(capitalised(words(random, 12 + random.nextInt(14)))).append(". ");
            }
            html.append("</p>");
        }
        html.append("<div class=\"share\">Share: <a href=\"#\">Mail</a> <a href=\"#\">Copy")
                .append(" link</a></div></article><aside class=\"sidebar\"><h3>Most read</h3><ol>");
        for (int i = 0; i < 8; i++) {
            html.append("<li><a href=\"/news/")
                    .append(variant)
                    .append('-')
                    .append(i)
                    .append("\">")
                    .append(capitalised(words(random, 7)))
                    .append("</a></li>");
        }
        html.append("</ol><div class=\"ad\">Advertisement</div></aside></main>")
                .append("<footer><p>© 2026 The Loopback Review. All rights reserved.</p><nav>")
                .append("<a href=\"/about\">About</a><a href=\"/contact\">Contact</a>")
                .append("<a href=\"/privacy\">Privacy</a><a href=\"/terms\">Terms</a></nav>")
                .append("</footer><script>window.analytics=window.analytics||[];")
                .append("analytics.push(['page','article']);</script></body></html>");
        return html.toString();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
