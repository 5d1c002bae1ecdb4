package dev.linkcrawl.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An owner's key for fairness and limits: {@code t} followed by lowercase hex of the first 16 bytes
 * of SHA-256("tenant\n" + owner). It is the {@code MessageGroupId} of every crawl message (SQS fair
 * queues take it as the tenant) and the key of the owner's counters. An owner id (the JWT {@code
 * sub}) may be long, or an e-mail address; the key is short, fixed-length, allowed everywhere SQS
 * and OpenSearch ids are, and does not reveal the owner.
 */
public record TenantKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("t[0-9a-f]{32}");

    public TenantKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a tenant key is t followed by 32 lowercase hex characters");
        }
    }

    /** The key of {@code owner}. */
    public static TenantKey of(String owner) {
        Objects.requireNonNull(owner, "owner");
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(("tenant\n" + owner).getBytes(StandardCharsets.UTF_8));
            return new TenantKey("t" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
