package dev.linkcrawl.query;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.index.SortKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /links}, validated.
 *
 * <ul>
 *   <li>{@code q}: search text, at most {@value LinkQuery#MAX_TEXT_LENGTH} characters (only its
 *       first {@value LinkQuery#MAX_WORDS} words are searched); without it, links come newest first
 *   <li>{@code tag}: repeatable ({@code ?tag=a&tag=b}); a link must carry every tag given, compared
 *       ignoring case; at most {@value LinkQuery#MAX_TAGS}, each at most {@value
 *       LinkQuery#MAX_TAG_LENGTH} characters
 *   <li>{@code status}: {@code queued}, {@code crawled}, {@code failed} or {@code gone}
 *   <li>{@code type}: a page type ({@code article}, {@code forum}, {@code product}, {@code
 *       collection}, {@code listing}, {@code documentation}, {@code service} or {@code other})
 *   <li>{@code needsPage}: {@code true} lists only links whose page the crawler could not read
 *   <li>{@code size}: 1 to {@value LinkQuery#MAX_SIZE}, default {@value LinkQuery#DEFAULT_SIZE}
 *   <li>{@code cursor}: the {@code next} of the previous page, with the same {@code q}, {@code
 *       tag}, {@code status}, {@code type} and {@code needsPage}
 * </ul>
 *
 * An empty value ({@code ?q=}) is the same as leaving the parameter out. Any other parameter, or
 * {@code q}, {@code status}, {@code type}, {@code size} or {@code cursor} given twice, is refused,
 * so a typo ({@code ?tags=}) cannot silently widen a search.
 *
 * <p>Each refusal is a field error whose pointer is a JSON pointer into the query string read as
 * the object {@code {"query": {"q": "…", "tag": ["…", …], …}}}: {@code /query/size}, {@code
 * /query/tag/1} (the second {@code tag}), {@code /query/tag} (too many), or {@code /query} (a query
 * string that cannot be decoded). Every refusal is reported at once.
 *
 * @param fingerprint identifies {@code text}, {@code tags}, {@code status} and {@code type} for the
 *     cursor
 */
record SearchParameters(
        Optional<String> text,
        List<String> tags,
        Optional<LinkDocument.Status> status,
        Optional<PageType> type,
        boolean needsPage,
        int size,
        Optional<SortKey> after,
        String fingerprint) {

    /** The outcome of reading the parameters. */
    sealed interface Result {
        record Valid(SearchParameters parameters) implements Result {}

        record Invalid(Problem problem) implements Result {}
    }

    private static final Set<String> NAMES =
            Set.of("q", "tag", "status", "type", "needsPage", "size", "cursor");
    private static final Set<String> SINGLE =
            Set.of("q", "status", "type", "needsPage", "size", "cursor");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    /** A parameter name safe to put in a pointer; any other name is pointed at as /query. */
    private static final Pattern POINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    SearchParameters {
        Objects.requireNonNull(text, "text");
        tags = List.copyOf(tags);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The index query for {@code owner}'s links. */
    LinkQuery toQuery(String owner) {
        return new LinkQuery(owner, text, tags, status, type, size, after, needsPage);
    }

    /**
     * Reads the parameters of a payload 2.0 event: from {@code rawQueryString}, the only place that
     * keeps repeated parameters apart (API Gateway joins them with commas in {@code
     * queryStringParameters}), or, when a hand-written event has no raw string, from {@code
     * queryStringParameters}, one value each.
     */
    static Result parse(String rawQueryString, Map<String, String> queryStringParameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rawQueryString != null && !rawQueryString.isEmpty()) {
            if (!split(rawQueryString, values)) {
                errors.add(new Problem.FieldError("/query", "malformed_encoding"));
            }
        } else if (queryStringParameters != null) {
            queryStringParameters.forEach((name, value) -> values.put(name, List.of(value)));
        }
        if (errors.isEmpty()) {
            errors.addAll(unexpected(values));
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }

        Optional<String> text = single(values, "q").map(String::strip).filter(q -> !q.isEmpty());
        text.filter(q -> q.codePointCount(0, q.length()) > LinkQuery.MAX_TEXT_LENGTH)
                .ifPresent(q -> errors.add(new Problem.FieldError("/query/q", "too_long")));
        List<String> tags = tags(values.getOrDefault("tag", List.of()), errors);
        Optional<LinkDocument.Status> status = status(single(values, "status"), errors);
        Optional<PageType> type = type(single(values, "type"), errors);
        boolean needsPage = needsPage(single(values, "needsPage"), errors);
        int size = size(single(values, "size"), errors);
        if (!errors.isEmpty()) {
            // The cursor is checked against q, tag, status and type, which are not usable.
            return invalid(errors);
        }
        String fingerprint = PageCursor.fingerprint(text, tags, status, type, needsPage);
        Optional<SortKey> after = Optional.empty();
        Optional<String> cursor = single(values, "cursor");
        if (cursor.isPresent()) {
            try {
                SortKey key = PageCursor.decode(cursor.get(), fingerprint);
                if ((key instanceof SortKey.Relevance) != text.isPresent()) {
                    throw new InvalidCursorException(
                            InvalidCursorException.Reason.MALFORMED, "order does not match");
                }
                after = Optional.of(key);
            } catch (InvalidCursorException e) {
                return invalid(List.of(new Problem.FieldError("/query/cursor", e.reason().code())));
            }
        }
        return new Result.Valid(
                new SearchParameters(
                        text, tags, status, type, needsPage, size, after, fingerprint));
    }

    /** Splits and decodes {@code raw} into {@code values}; false if an escape is malformed. */
    private static boolean split(String raw, Map<String, List<String>> values) {
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name =
                        URLDecoder.decode(
                                eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value =
                        eq < 0
                                ? ""
                                : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static List<Problem.FieldError> unexpected(Map<String, List<String>> values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        values.forEach(
                (name, given) -> {
                    if (!NAMES.contains(name)) {
                        String pointer =
                                POINTABLE_NAME.matcher(name).matches()
                                        ? "/query/" + name
                                        : "/query";
                        errors.add(new Problem.FieldError(pointer, "unknown_parameter"));
                    } else if (SINGLE.contains(name) && given.size() > 1) {
                        errors.add(new Problem.FieldError("/query/" + name, "repeated"));
                    }
                });
        return errors;
    }

    /** The value of a single-valued parameter; empty when absent or empty. */
    private static Optional<String> single(Map<String, List<String>> values, String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() || given.getFirst().isEmpty()
                ? Optional.empty()
                : Optional.of(given.getFirst());
    }

    private static List<String> tags(List<String> given, List<Problem.FieldError> errors) {
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i);
            if (tag.isBlank()) {
                continue;
            }
            if (tag.length() > LinkQuery.MAX_TAG_LENGTH) {
                errors.add(new Problem.FieldError("/query/tag/" + i, "too_long"));
            } else {
                tags.add(tag);
            }
        }
        if (tags.size() > LinkQuery.MAX_TAGS) {
            errors.add(new Problem.FieldError("/query/tag", "too_many"));
        }
        return List.copyOf(tags);
    }

    private static Optional<LinkDocument.Status> status(
            Optional<String> given, List<Problem.FieldError> errors) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return switch (given.get()) {
            case "queued" -> Optional.of(LinkDocument.Status.QUEUED);
            case "crawled" -> Optional.of(LinkDocument.Status.CRAWLED);
            case "failed" -> Optional.of(LinkDocument.Status.FAILED);
            case "gone" -> Optional.of(LinkDocument.Status.GONE);
            default -> {
                errors.add(new Problem.FieldError("/query/status", "unknown_value"));
                yield Optional.empty();
            }
        };
    }

    /** Only {@code true} filters; the parameter has no other value. */
    private static boolean needsPage(Optional<String> given, List<Problem.FieldError> errors) {
        if (given.isEmpty()) {
            return false;
        }
        if (!given.get().equals("true")) {
            errors.add(new Problem.FieldError("/query/needsPage", "unknown_value"));
        }
        return true;
    }

    private static Optional<PageType> type(
            Optional<String> given, List<Problem.FieldError> errors) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Optional<PageType> type = PageType.ofLabel(given.get());
        if (type.isEmpty()) {
            errors.add(new Problem.FieldError("/query/type", "unknown_value"));
        }
        return type;
    }

    private static int size(Optional<String> given, List<Problem.FieldError> errors) {
        if (given.isEmpty()) {
            return LinkQuery.DEFAULT_SIZE;
        }
        if (!INTEGER.matcher(given.get()).matches()) {
            errors.add(new Problem.FieldError("/query/size", "not_an_integer"));
            return LinkQuery.DEFAULT_SIZE;
        }
        // Past nine digits it is out of range whatever it is, and would overflow an int.
        String digits = given.get().replaceFirst("^-", "");
        int size = digits.length() > 9 ? -1 : Integer.parseInt(given.get());
        if (size < 1 || size > LinkQuery.MAX_SIZE) {
            errors.add(new Problem.FieldError("/query/size", "out_of_range"));
            return LinkQuery.DEFAULT_SIZE;
        }
        return size;
    }

    private static Result invalid(List<Problem.FieldError> errors) {
        String detail =
                errors.size() == 1
                        ? "a query parameter is not valid: see errors"
                        : errors.size() + " query parameters are not valid: see errors";
        return new Result.Invalid(new Problem(ProblemType.INVALID_PARAMETER, detail, errors));
    }
}
