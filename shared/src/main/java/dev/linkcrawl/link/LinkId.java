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
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest((owner + "\n" + url.value()).getBytes(StandardCharsets.UTF_8));
            return new LinkId(HexFormat.of().formatHex(digest, 0, 16));
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
