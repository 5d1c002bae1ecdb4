package dev.linkcrawl.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One saved link as it is stored in the {@code links} index ({@link LinkIndexMapping} maps it). The
 * document's {@code _id} is the link id; it is not a component here because it is derived from
 * {@link #owner} and {@link #url} and passed beside the document (see {@link LinkIndex#put}).
 *
 * <p>Every component but {@link #owner}, {@link #url}, {@link #status} and {@link #crawledAt} may
 * be {@code null} (unknown, or not applicable to a failed crawl); list components are never {@code
 * null}, an absent list is empty. {@link #crawledAt} is {@code null} exactly while the link is
 * {@link Status#QUEUED} (saved, not crawled yet). Build one with {@link #builder}.
 *
 * @param owner the user who saved the link (the JWT {@code sub})
 * @param url the normalised URL the user submitted
 * @param urlHash a hash of {@link #url} that does not depend on the owner, to find the same page
 *     saved by several people
 * @param finalUrl the URL the content came from, after every redirect
 * @param redirects the redirect chain from {@link #url} to {@link #finalUrl}, in order
 * @param status whether the crawl produced content
 * @param failure why the crawl failed; present exactly when {@link #status} is {@link
 *     Status#FAILED}
 * @param httpStatus the final response's status code
 * @param contentType the final response's media type, without parameters
 * @param bytes the body bytes read (after decompression)
 * @param truncated whether the body was cut at the size cap
 * @param fetchMs how long the whole fetch took
 * @param crawledAt when this crawl attempt ran; it orders crawls: an older one never replaces a
 *     newer one. Absent while the link is queued
 * @param submittedAt when the user submitted the link
 * @param title the page title
 * @param description the page summary
 * @param text the main text, without navigation and boilerplate
 * @param siteName the site's name
 * @param author the author
 * @param publishedAt when the page was first published
 * @param modifiedAt when the page was last modified
 * @param lang the page language, a BCP 47 tag
 * @param image an absolute URL of a representative image
 * @param favicon an absolute URL of the site's icon
 * @param canonicalUrl the canonical URL the page declares
 * @param keywords the page's keywords
 * @param feeds absolute URLs of the feeds the page links to
 * @param wordCount the number of words in {@link #text}
 * @param pageType what kind of page it is, as the extractor recognised it
 * @param extractionConfidence how complete the extractor judges {@link #text} to be, 0 to 1
 * @param tags the user's tags
 * @param note the user's note
 * @param textTruncated whether {@link #text} was cut at its cap ({@link DocumentLimits#TEXT_BYTES},
 *     1 MiB) or to keep a response within Lambda's limit; unlike {@link #truncated} (the body was
 *     cut at the fetch size cap), it says the text shown is not the page's whole main text. {@link
 *     #wordCount} still counts the whole main text
 * @param lastAttemptAt when the link was last tried: the crawl time of this document, or later when
 *     an attempt failed and the page crawled before was kept; the scheduled re-crawl goes by it
 * @param lastFailure why the last attempt failed when it kept the page crawled before ({@code null}
 *     when the last attempt is this document's crawl)
 * @param goneSince when a re-crawl first found the page gone (a 404 or 410, a domain that no longer
 *     resolves, a parked domain, a "not found" page); present while {@link #goneChecks} counts, and
 *     always on a {@link Status#GONE} document
 * @param goneChecks how many attempts in a row found the page gone ({@link GoneChecks}); the
 *     document becomes {@link Status#GONE} at {@link GoneChecks#GONE_AFTER}
 * @param needsPage whether the crawler could not read the page itself (a bot check, a JavaScript
 *     shell without content, a paywall) and a page the owner's browser sends would help; {@code
 *     true} or absent
 * @param source where the page came from when the crawler did not fetch it: {@link
 *     PageSource#CLIENT}, a page the owner's client sent ({@code POST /links/{id}/page}); absent
 *     when the crawler fetched it
 * @param pageSentAt when the owner's client sent the page; present exactly when {@link #source} is
 */
public record LinkDocument(
        String owner,
        String url,
        String urlHash,
        String finalUrl,
        List<Redirect> redirects,
        Status status,
        Failure failure,
        Integer httpStatus,
        String contentType,
        Long bytes,
        Boolean truncated,
        Long fetchMs,
        Instant crawledAt,
        Instant submittedAt,
        String title,
        String description,
        String text,
        String siteName,
        String author,
        Instant publishedAt,
        Instant modifiedAt,
        String lang,
        String image,
        String favicon,
        String canonicalUrl,
        List<String> keywords,
        List<String> feeds,
        Integer wordCount,
        PageType pageType,
        Double extractionConfidence,
        List<String> tags,
        String note,
        Boolean textTruncated,
        Instant lastAttemptAt,
        Failure lastFailure,
        Instant goneSince,
        Integer goneChecks,
        Boolean needsPage,
        PageSource source,
        Instant pageSentAt) {

    public LinkDocument {
        requireText(owner, "owner");
        requireText(url, "url");
        Objects.requireNonNull(status, "status");
        if ((status == Status.QUEUED) != (crawledAt == null)) {
            throw new IllegalArgumentException(
                    "crawledAt is absent exactly while the link is queued");
        }
        if ((status == Status.FAILED) != (failure != null)) {
            throw new IllegalArgumentException(
                    "a failure is present exactly when status is failed");
        }
        if (status == Status.GONE && goneSince == null) {
            throw new IllegalArgumentException("a gone document says since when");
        }
        if ((goneSince == null) != (goneChecks == null)) {
            throw new IllegalArgumentException("goneSince and goneChecks come together");
        }
        if (goneChecks != null && goneChecks < 1) {
            throw new IllegalArgumentException("goneChecks is at least 1");
        }
        if ((source == null) != (pageSentAt == null)) {
            throw new IllegalArgumentException("source and pageSentAt come together");
        }
        requireNotNegative(bytes, "bytes");
        requireNotNegative(fetchMs, "fetchMs");
        requireNotNegative(wordCount == null ? null : wordCount.longValue(), "wordCount");
        if (extractionConfidence != null
                && !(extractionConfidence >= 0 && extractionConfidence <= 1)) {
            throw new IllegalArgumentException("extractionConfidence is from 0 to 1");
        }
        redirects = copyOf(redirects, "redirects");
        keywords = copyOf(keywords, "keywords");
        feeds = copyOf(feeds, "feeds");
        tags = copyOf(tags, "tags");
    }

    /**
     * A document for {@code url} saved by {@code owner}, crawled at {@code crawledAt} ({@code null}
     * for a {@link Status#QUEUED} one).
     */
    public static Builder builder(String owner, String url, Status status, Instant crawledAt) {
        return new Builder(owner, url, status, crawledAt);
    }

    /** A builder holding this document's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Whether a crawl produced content, or the link still waits for its first crawl. Serialised in
     * lowercase. A {@link #GONE} link keeps the content crawled before: re-crawls found the page
     * gone {@link GoneChecks#GONE_AFTER} times in a row.
     */
    public enum Status {
        @JsonProperty("queued")
        QUEUED,
        @JsonProperty("crawled")
        CRAWLED,
        @JsonProperty("failed")
        FAILED,
        @JsonProperty("gone")
        GONE
    }

    /** Where a page the crawler did not fetch came from. Serialised in lowercase. */
    public enum PageSource {
        /** The owner's client (a browser that could read the page) sent it. */
        @JsonProperty("client")
        CLIENT
    }

    /**
     * One hop of a redirect chain.
     *
     * @param url the URL that answered with a redirect
     * @param status its status code (3xx), or 200 for a {@code <meta http-equiv=refresh>} hop
     */
    public record Redirect(String url, int status) {
        public Redirect {
            requireText(url, "url");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("a redirect status is an HTTP status code");
            }
        }
    }

    /**
     * Why a crawl failed.
     *
     * @param code a stable snake_case code (for example {@code blocked_address}, {@code timeout})
     * @param detail a human explanation, or {@code null}
     * @param retryable whether a later attempt may succeed
     */
    public record Failure(String code, String detail, boolean retryable) {
        private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

        public Failure {
            Objects.requireNonNull(code, "code");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a failure code is snake_case");
            }
        }
    }

    /** Builds a {@link LinkDocument}; optional values start as {@code null} or empty. */
    public static final class Builder {
        private String owner;
        private String url;
        private String urlHash;
        private String finalUrl;
        private List<Redirect> redirects = List.of();
        private Status status;
        private Failure failure;
        private Integer httpStatus;
        private String contentType;
        private Long bytes;
        private Boolean truncated;
        private Long fetchMs;
        private Instant crawledAt;
        private Instant submittedAt;
        private String title;
        private String description;
        private String text;
        private String siteName;
        private String author;
        private Instant publishedAt;
        private Instant modifiedAt;
        private String lang;
        private String image;
        private String favicon;
        private String canonicalUrl;
        private List<String> keywords = List.of();
        private List<String> feeds = List.of();
        private Integer wordCount;
        private PageType pageType;
        private Double extractionConfidence;
        private List<String> tags = List.of();
        private String note;
        private Boolean textTruncated;
        private Instant lastAttemptAt;
        private Failure lastFailure;
        private Instant goneSince;
        private Integer goneChecks;
        private Boolean needsPage;
        private PageSource source;
        private Instant pageSentAt;

        private Builder(String owner, String url, Status status, Instant crawledAt) {
            this.owner = owner;
            this.url = url;
            this.status = status;
            this.crawledAt = crawledAt;
        }

        private Builder(LinkDocument d) {
            owner = d.owner;
            url = d.url;
            urlHash = d.urlHash;
            finalUrl = d.finalUrl;
            redirects = d.redirects;
            status = d.status;
            failure = d.failure;
            httpStatus = d.httpStatus;
            contentType = d.contentType;
            bytes = d.bytes;
            truncated = d.truncated;
            fetchMs = d.fetchMs;
            crawledAt = d.crawledAt;
            submittedAt = d.submittedAt;
            title = d.title;
            description = d.description;
            text = d.text;
            siteName = d.siteName;
            author = d.author;
            publishedAt = d.publishedAt;
            modifiedAt = d.modifiedAt;
            lang = d.lang;
            image = d.image;
            favicon = d.favicon;
            canonicalUrl = d.canonicalUrl;
            keywords = d.keywords;
            feeds = d.feeds;
            wordCount = d.wordCount;
            pageType = d.pageType;
            extractionConfidence = d.extractionConfidence;
            tags = d.tags;
            note = d.note;
            textTruncated = d.textTruncated;
            lastAttemptAt = d.lastAttemptAt;
            lastFailure = d.lastFailure;
            goneSince = d.goneSince;
            goneChecks = d.goneChecks;
            needsPage = d.needsPage;
            source = d.source;
            pageSentAt = d.pageSentAt;
        }

        public Builder owner(String value) {
            owner = value;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder urlHash(String value) {
            urlHash = value;
            return this;
        }

        public Builder finalUrl(String value) {
            finalUrl = value;
            return this;
        }

        public Builder redirects(List<Redirect> value) {
            redirects = value;
            return this;
        }

        public Builder status(Status value) {
            status = value;
            return this;
        }

        public Builder failure(Failure value) {
            failure = value;
            return this;
        }

        public Builder httpStatus(Integer value) {
            httpStatus = value;
            return this;
        }

        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        public Builder bytes(Long value) {
            bytes = value;
            return this;
        }

        public Builder truncated(Boolean value) {
            truncated = value;
            return this;
        }

        public Builder fetchMs(Long value) {
            fetchMs = value;
            return this;
        }

        public Builder crawledAt(Instant value) {
            crawledAt = value;
            return this;
        }

        public Builder submittedAt(Instant value) {
            submittedAt = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder siteName(String value) {
            siteName = value;
            return this;
        }

        public Builder author(String value) {
            author = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder modifiedAt(Instant value) {
            modifiedAt = value;
            return this;
        }

        public Builder lang(String value) {
            lang = value;
            return this;
        }

        public Builder image(String value) {
            image = value;
            return this;
        }

        public Builder favicon(String value) {
            favicon = value;
            return this;
        }

        public Builder canonicalUrl(String value) {
            canonicalUrl = value;
            return this;
        }

        public Builder keywords(List<String> value) {
            keywords = value;
            return this;
        }

        public Builder feeds(List<String> value) {
            feeds = value;
            return this;
        }

        public Builder wordCount(Integer value) {
            wordCount = value;
            return this;
        }

        public Builder pageType(PageType value) {
            pageType = value;
            return this;
        }

        public Builder extractionConfidence(Double value) {
            extractionConfidence = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        public Builder textTruncated(Boolean value) {
            textTruncated = value;
            return this;
        }

        public Builder lastAttemptAt(Instant value) {
            lastAttemptAt = value;
            return this;
        }

        public Builder lastFailure(Failure value) {
            lastFailure = value;
            return this;
        }

        public Builder goneSince(Instant value) {
            goneSince = value;
            return this;
        }

        public Builder goneChecks(Integer value) {
            goneChecks = value;
            return this;
        }

        public Builder needsPage(Boolean value) {
            needsPage = value;
            return this;
        }

        public Builder source(PageSource value) {
            source = value;
            return this;
        }

        public Builder pageSentAt(Instant value) {
            pageSentAt = value;
            return this;
        }

        /** Sets {@code goneChecks} and {@code goneSince} from {@code value}, or clears them. */
        public Builder gone(Optional<GoneChecks> value) {
            goneChecks = value.map(GoneChecks::count).orElse(null);
            goneSince = value.map(GoneChecks::since).orElse(null);
            return this;
        }

        /**
         * The document.
         *
         * @throws IllegalArgumentException if a value breaks a rule of {@link LinkDocument}
         * @throws NullPointerException if a required value is missing
         */
        public LinkDocument build() {
            return new LinkDocument(
                    owner,
                    url,
                    urlHash,
                    finalUrl,
                    redirects,
                    status,
                    failure,
                    httpStatus,
                    contentType,
                    bytes,
                    truncated,
                    fetchMs,
                    crawledAt,
                    submittedAt,
                    title,
                    description,
                    text,
                    siteName,
                    author,
                    publishedAt,
                    modifiedAt,
                    lang,
                    image,
                    favicon,
                    canonicalUrl,
                    keywords,
                    feeds,
                    wordCount,
                    pageType,
                    extractionConfidence,
                    tags,
                    note,
                    textTruncated,
                    lastAttemptAt,
                    lastFailure,
                    goneSince,
                    goneChecks,
                    needsPage,
                    source,
                    pageSentAt);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    private static void requireNotNegative(Long value, String name) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " is negative");
        }
    }

    private static <T> List<T> copyOf(List<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            Objects.requireNonNull(value, () -> name + " holds a null");
        }
        return List.copyOf(values);
    }
}
