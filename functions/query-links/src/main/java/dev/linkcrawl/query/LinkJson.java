package dev.linkcrawl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.index.DocumentLimits;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkDocumentCodec;
import dev.linkcrawl.index.LinkHit;
import dev.linkcrawl.index.LinkPage;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON bodies of the links API: one link ({@code GET /links/{id}}) and a page of links ({@code
 * GET /links}). Fields are capped as a document's are ({@link DocumentLimits}), again, for links
 * indexed before the caps.
 */
final class LinkJson {

    /**
     * The longest highlight of one field a result shows: 64 Ki characters. A capped title (2 KiB)
     * stays well within it even with every character HTML-escaped and marked.
     */
    static final int MAX_HIGHLIGHT_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LinkDocumentCodec codec = new LinkDocumentCodec();

    /**
     * One link: its id and its whole capped document, the text cut as far as needed to fit the
     * response ({@link ResponseBudget#fitText}).
     */
    String link(LinkId id, LinkDocument document) {
        ObjectNode body = MAPPER.createObjectNode().put("id", id.value());
        body.setAll((ObjectNode) tree(codec.toJson(DocumentLimits.cap(document))));
        ResponseBudget.fitText(body);
        return body.toString();
    }

    /**
     * A page. A result never carries the main text, only highlighted passages of it, and a
     * highlight longer than {@value #MAX_HIGHLIGHT_CHARS} characters is left out (the field itself
     * is shown), so one link always fits a response.
     *
     * @param fingerprint the search's, for the cursor of the next page ({@link PageCursor})
     */
    String page(LinkPage page, String fingerprint) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (LinkHit hit : page.hits()) {
            ObjectNode item = items.addObject();
            item.put("id", hit.id().value())
                    .put("url", hit.url())
                    .put("finalUrl", url(hit.finalUrl()))
                    .put("title", DocumentLimits.cut(hit.title(), DocumentLimits.FIELD_BYTES))
                    .put(
                            "description",
                            DocumentLimits.cut(hit.description(), DocumentLimits.FIELD_BYTES))
                    .put("siteName", DocumentLimits.cut(hit.siteName(), DocumentLimits.FIELD_BYTES))
                    .put("image", url(hit.image()))
                    .put("favicon", url(hit.favicon()))
                    .put("status", hit.status().name().toLowerCase(Locale.ROOT))
                    .put("pageType", hit.pageType() == null ? null : hit.pageType().label())
                    .put("crawledAt", hit.crawledAt() == null ? null : hit.crawledAt().toString());
            hit.tags().forEach(item.putArray("tags")::add);
            ObjectNode highlight = item.putObject("highlight");
            hit.highlight()
                    .forEach(
                            (field, fragments) -> {
                                if (fragments.stream().mapToInt(String::length).sum()
                                        <= MAX_HIGHLIGHT_CHARS) {
                                    fragments.forEach(highlight.putArray(field)::add);
                                }
                            });
        }
        body.put("next", page.next().map(key -> PageCursor.encode(key, fingerprint)).orElse(null));
        return body.toString();
    }

    /** How many of the items of {@code page}, a page's JSON, fit the response budget together. */
    static int itemsThatFit(String page) {
        long used = ResponseBudget.envelopeBytes("{\"items\":[],\"next\":\"\"}") + 1_024;
        int count = 0;
        for (JsonNode item : tree(page).path("items")) {
            used += ResponseBudget.envelopeBytes(item.toString()) + 1;
            if (used > ResponseBudget.BODY_BYTES) {
                break;
            }
            count++;
        }
        return count;
    }

    /** A URL within {@link DocumentLimits#URL_BYTES}, else none: a cut URL names another page. */
    private static String url(String value) {
        return value == null || DocumentLimits.cut(value, DocumentLimits.URL_BYTES).equals(value)
                ? value
                : null;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the codec wrote invalid JSON", e);
        }
    }
}
