package dev.linkcrawl.crawl.extract;

import dev.linkcrawl.crawl.extract.content.MainContent;
import dev.linkcrawl.crawl.extract.content.PageHints;
import dev.linkcrawl.index.PageType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads an {@link ExtractedPage} from HTML: pure, no network, no state between calls.
 *
 * <p>A short pipeline of named steps: {@link PageSignals} gathers the raw metadata in one walk;
 * {@link MainContent} cuts the body into blocks, recognises the page type and keeps the blocks that
 * are main content; {@link ChallengeDetector} recognises interstitials (bot checks, consent walls),
 * which are reported in {@link ExtractedPage#challenge()} with an empty title and text; and one
 * reader per field decides between the candidates the page offers ({@link TitleReader}, {@link
 * SiteNameReader}, {@link DescriptionReader}, {@link AuthorReader}, {@link DateReader}, {@link
 * LanguageReader}, {@link PageLinks}, {@link KeywordReader}), every URL made absolute against the
 * document's base (its {@code <base href>} if any).
 *
 * <p>A {@link Document} passed in is not modified.
 */
public final class PageExtractor {

    /** Parses {@code html} with {@code url} as its base and extracts it. */
    public ExtractedPage extract(String html, String url) {
        return extract(html, url, ExtractBudget.unlimited());
    }

    /**
     * Parses {@code html} with {@code url} as its base and extracts it within {@code budget}.
     *
     * @throws ExtractBudgetExceededException if the parse and extraction run past {@code budget}
     */
    public ExtractedPage extract(String html, String url, ExtractBudget budget) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(budget, "budget");
        // The same parse as Jsoup.parse(html, url), reading through the budget's checks.
        Document doc = Parser.htmlParser().parseInput(budget.reader(html), url);
        budget.check();
        return read(doc, url, html, budget);
    }

    /** Extracts an already parsed document, whose base URI is the page URL. */
    public ExtractedPage extract(Document doc) {
        Objects.requireNonNull(doc, "doc");
        // No step modifies the tree, so no defensive copy is needed.
        return read(doc, doc.location(), null, ExtractBudget.unlimited());
    }

    private ExtractedPage read(Document doc, String url, String html, ExtractBudget budget) {
        // the body's elements reach the signals through the main-content walk: one walk, not two
        PageSignals s = PageSignals.outsideBody(doc);
        MainContent.Result main =
                MainContent.of(
                        doc.body(),
                        (element, attributes) -> {
                            s.visit(element, attributes);
                            budget.tick();
                        },
                        () -> hints(s, url),
                        budget::check);
        budget.check();
        String base = doc.baseUri().isEmpty() ? url : doc.baseUri();
        Map<String, Object> entity = JsonLd.mainEntity(s);

        String siteName = SiteNameReader.siteName(s);
        if (siteName == null && s.titleTag != null) {
            siteName = TitleReader.siteNameInTitle(MetaText.collapse(s.titleTag), url);
        }
        String rawTitle = TitleReader.rawTitle(s, entity);
        String title = rawTitle == null ? null : TitleReader.trimSiteName(rawTitle, siteName, url);

        Challenge challenge =
                ChallengeDetector.detect(
                        doc,
                        s.titleTag,
                        main.pageChars(),
                        () -> html != null ? html : doc.outerHtml());
        String text = challenge.blocksPage() ? "" : main.text();
        if (challenge.blocksPage()) {
            title = null;
        }

        String description = DescriptionReader.description(s, entity);
        if (description == null && !text.isEmpty()) {
            description =
                    main.firstParagraph() != null
                            ? DescriptionReader.cut(main.firstParagraph())
                            : DescriptionReader.firstParagraph(text);
        }
        String lang = LanguageReader.lang(s, entity);
        if (lang == null) {
            lang =
                    LanguageGuess.of(
                                    text.isEmpty()
                                            ? (doc.body() == null ? "" : doc.body().text())
                                            : text)
                            .orElse(null);
        }
        PageType type = challenge.blocksPage() ? PageType.OTHER : main.type();
        OffsetDateTime published =
                DateReader.hasPublicationDate(type)
                        ? DateReader.publishedAt(s, entity, url, type)
                        : null;
        Instant modified = DateReader.modifiedAt(s, entity);
        return new ExtractedPage(
                url,
                MetaText.blankToNull(title),
                MetaText.blankToNull(description),
                MetaText.blankToNull(AuthorReader.author(s, entity, main.scope())),
                published == null ? null : published.toInstant(),
                published == null ? null : published.toLocalDate(),
                modified,
                MetaText.blankToNull(siteName),
                lang,
                MetaText.absolute(base, PageLinks.image(s, entity)),
                PageLinks.favicon(s, base, url),
                PageLinks.canonical(s, base, url),
                KeywordReader.keywords(s, entity),
                PageLinks.feeds(s, base),
                text,
                wordCount(text),
                challenge,
                type,
                text.isEmpty() ? 0 : main.confidence());
    }

    /** What content selection needs to know of a parsed page besides its body. */
    public static PageHints hints(Document doc, String url) {
        return hints(PageSignals.of(doc), url);
    }

    static PageHints hints(PageSignals s, String url) {
        String og = s.firstMeta("og:type");
        return new PageHints(
                url,
                s.titleTag,
                s.schemaTypes(),
                og == null ? null : og.strip().toLowerCase(Locale.ROOT),
                new PageHints.Publication(
                        s.dateNearTitle().isPresent(),
                        DateReader.declaresPublished(s),
                        s.times.size(),
                        s.bylines.size()));
    }

    /**
     * Whether each character below U+3000 is a letter or a digit: the Latin, Greek, Cyrillic and
     * other alphabets most text is written in, and the curly quotes and dashes between their words.
     */
    private static final boolean[] WORD_CHAR = new boolean[0x3000];

    static {
        for (char c = 0; c < WORD_CHAR.length; c++) {
            WORD_CHAR[c] = Character.isLetterOrDigit(c);
        }
    }

    static int wordCount(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean w = c < WORD_CHAR.length ? WORD_CHAR[c] : Character.isLetterOrDigit(c);
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
