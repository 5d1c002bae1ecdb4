package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.index.LinkDocument;

/**
 * What an extracted page puts in its link's document, whether the crawler fetched the page or the
 * owner's client sent it: title, description, main text and the rest of {@link ExtractedPage}.
 */
final class PageFields {

    private PageFields() {}

    /** {@code document} with the fields of {@code page} set. */
    static LinkDocument.Builder onto(LinkDocument.Builder document, ExtractedPage page) {
        return document.title(page.title())
                .description(page.description())
                .text(page.text())
                .siteName(page.siteName())
                .author(page.author())
                .publishedAt(page.publishedAt())
                .modifiedAt(page.modifiedAt())
                .lang(page.lang())
                .image(page.image())
                .favicon(page.favicon())
                .canonicalUrl(page.canonicalUrl())
                .keywords(page.keywords())
                .feeds(page.feeds())
                .wordCount(page.wordCount())
                .pageType(page.pageType())
                .extractionConfidence(page.extractionConfidence())
                .textTruncated(false);
    }
}
