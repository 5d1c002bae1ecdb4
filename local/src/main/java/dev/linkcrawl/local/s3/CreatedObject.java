package dev.linkcrawl.local.s3;

import java.time.Instant;
import java.util.Objects;

/**
 * An object that was written to a bucket: what an S3 {@code ObjectCreated} notification tells.
 *
 * @param bucket the bucket's name
 * @param key the object key, as written (not encoded)
 * @param size its size in bytes
 * @param eTag its entity tag, without the quotes HTTP puts around it
 * @param lastModified when S3 stored it (the event's time)
 */
public record CreatedObject(
        String bucket, String key, long size, String eTag, Instant lastModified) {
    public CreatedObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, not " + size);
        }
        eTag = unquoted(eTag);
    }

    /** {@code "abc"} → {@code abc}: listings quote entity tags, notifications do not. */
    static String unquoted(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
