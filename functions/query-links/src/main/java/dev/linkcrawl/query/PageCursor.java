package dev.linkcrawl.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.index.SortKey;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code next} cursor of {@code GET /links}: opaque to clients, it says where the next page
 * starts and which query it belongs to.
 *
 * <p>Format: base64url without padding of the JSON {@code {"v":1,"o":"n"|"r","k":[primary,"id"],
 * "q":"<fingerprint>"}}, where {@code o} is the order (newest first or relevance), {@code k} the
 * sort values of the page's last link ({@code search_after}: crawl time in epoch milliseconds, or
 * the score; then the link id) and {@code q} the query's {@link #fingerprint}. A cursor is at most
 * {@value #MAX_LENGTH} characters.
 *
 * <p>The fingerprint only catches mistakes (a cursor sent with other parameters); it is not a
 * signature. Nothing needs one: the sort values only say where to resume, and every search is
 * filtered by the caller's identity from the token, so an edited cursor can move within the
 * caller's own links but never reach anyone else's.
 */
final class PageCursor {

    /** The longest cursor accepted: 200 characters (real ones are about 120). */
    static final int MAX_LENGTH = 200;

    private static final int VERSION = 1;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final Set<String> FIELDS = Set.of("v", "o", "k", "q");
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PageCursor() {}

    /** The cursor that continues the query with {@code fingerprint} after {@code key}. */
    static String encode(SortKey key, String fingerprint) {
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("not a fingerprint");
        }
        ObjectNode node = JSON.createObjectNode().put("v", VERSION);
        ArrayNode values;
        switch (key) {
            case SortKey.Newest newest -> {
                node.put("o", "n");
                values = node.putArray("k").add(newest.crawledAtMillis());
            }
            case SortKey.Relevance relevance -> {
                node.put("o", "r");
                values = node.putArray("k").add(relevance.score());
            }
        }
        values.add(key.id().value());
        node.put("q", fingerprint);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where the query with {@code fingerprint} continues, from {@code cursor}.
     *
     * @throws InvalidCursorException if {@code cursor} is not one this class wrote, or was written
     *     for another query
     */
    static SortKey decode(String cursor, String fingerprint) throws InvalidCursorException {
        if (cursor.length() > MAX_LENGTH) {
            throw malformed("too long");
        }
        JsonNode node;
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor);
            node = JSON.readTree(json);
        } catch (IllegalArgumentException | IOException e) {
            throw malformed("not base64url JSON");
        }
        if (node == null || !node.isObject() || !hasExactly(node, FIELDS)) {
            throw malformed("not a cursor object");
        }
        if (!node.get("v").isInt() || node.get("v").intValue() != VERSION) {
            throw malformed("unknown version");
        }
        JsonNode q = node.get("q");
        if (!q.isTextual() || !FINGERPRINT.matcher(q.textValue()).matches()) {
            throw malformed("no fingerprint");
        }
        SortKey key = sortKey(node.get("o"), node.get("k"));
        if (!q.textValue().equals(fingerprint)) {
            throw new InvalidCursorException(
                    InvalidCursorException.Reason.OTHER_QUERY, "the cursor is of another query");
        }
        return key;
    }

    /**
     * What identifies a query for paging: a hash of the search text, the tags (as a set, ignoring
     * case, the way they filter), the status and the page type. 16 hex characters. Without a type
     * the hash is what it was before the type filter existed, so cursors handed out then still
     * work.
     */
    static String fingerprint(
            Optional<String> text,
            List<String> tags,
            Optional<LinkDocument.Status> status,
            Optional<PageType> type) {
        return fingerprint(text, tags, status, type, false);
    }

    /**
     * The same, for a search that may want only links that need a page sent; without that filter
     * the hash is what it was before it existed.
     */
    static String fingerprint(
            Optional<String> text,
            List<String> tags,
            Optional<LinkDocument.Status> status,
            Optional<PageType> type,
            boolean needsPage) {
        Set<String> tagSet = new TreeSet<>();
        tags.forEach(tag -> tagSet.add(tag.toLowerCase(Locale.ROOT)));
        ArrayNode canonical = JSON.createArrayNode();
        canonical.add(text.orElse(null));
        tagSet.forEach(canonical.addArray()::add);
        canonical.add(status.map(Enum::name).orElse(null));
        type.ifPresent(t -> canonical.add(t.label()));
        if (needsPage) {
            canonical.add("needsPage");
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static SortKey sortKey(JsonNode order, JsonNode values) throws InvalidCursorException {
        if (!values.isArray() || values.size() != 2 || !values.get(1).isTextual()) {
            throw malformed("no sort values");
        }
        String id = values.get(1).textValue();
        if (!LinkId.isWellFormed(id)) {
            throw malformed("not a link id");
        }
        JsonNode primary = values.get(0);
        try {
            if (order.isTextual() && order.textValue().equals("n") && primary.isIntegralNumber()) {
                if (!primary.canConvertToLong()) {
                    throw malformed("crawl time out of range");
                }
                return new SortKey.Newest(primary.longValue(), new LinkId(id));
            }
            if (order.isTextual() && order.textValue().equals("r") && primary.isNumber()) {
                return new SortKey.Relevance(primary.floatValue(), new LinkId(id));
            }
        } catch (IllegalArgumentException e) {
            throw malformed("sort value out of range");
        }
        throw malformed("unknown order");
    }

    private static boolean hasExactly(JsonNode node, Set<String> names) {
        int count = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); count++) {
            if (!names.contains(it.next())) {
                return false;
            }
        }
        return count == names.size();
    }

    private static InvalidCursorException malformed(String why) {
        return new InvalidCursorException(InvalidCursorException.Reason.MALFORMED, why);
    }
}
