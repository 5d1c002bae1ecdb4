package dev.linkcrawl.link;

import dev.linkcrawl.url.LinkUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A saved link's id: lowercase hex of the first 16 bytes of SHA-256(owner + "\n" + normalised URL).
 * The same user saving the same page twice gets the same id, so every step is idempotent.
 */
public record LinkId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    public LinkId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a link id is 32 lowercase hex characters");
        }
    }

    /** The id of {@code url} saved by {@code owner}. */
    public static LinkId of(String owner, LinkUrl url) {
        Objects.requireNonNull(url, "url");
        return ofNormalised(owner, url.value());
    }

    /**
     * The id of {@code normalisedUrl} (a {@link LinkUrl#value()} read back from a message or a
     * document) saved by {@code owner}.
     */
    public static LinkId ofNormalised(String owner, String normalisedUrl) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(normalisedUrl, "normalisedUrl");
        return new LinkId(shortSha256(owner + "\n" + normalisedUrl));
    }

    /**
     * The index document's {@code urlHash}: the same digest of the normalised URL alone, so the
     * same page saved by different users shares it.
     */
    public static String urlHash(String normalisedUrl) {
        Objects.requireNonNull(normalisedUrl, "normalisedUrl");
        return shortSha256(normalisedUrl);
    }

    /** Lowercase hex of the first 16 bytes of SHA-256 of the UTF-8 text. */
    private static String shortSha256(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code text} has the shape of a link id (so it is safe to look up). */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
