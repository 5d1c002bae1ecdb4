package dev.linkcrawl.uploads;

import java.time.Duration;
import java.util.Optional;

/** The import bucket, as the uploads API sees it. */
public interface ImportObjects {

    /**
     * A presigned upload to {@code key} of exactly {@code size} bytes, valid for {@code validFor}.
     * Signing happens here, without a request to the bucket.
     */
    PresignedUpload presignUpload(String key, long size, Duration validFor);

    /**
     * The object at {@code key}, or empty when there is none.
     *
     * @throws StorageUnavailableException when the bucket cannot answer
     */
    Optional<byte[]> read(String key);

    /**
     * Whether an object is at {@code key}.
     *
     * @throws StorageUnavailableException when the bucket cannot answer
     */
    boolean exists(String key);
}
