package dev.linkcrawl.uploads;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An import bucket in memory; a presigned upload is a URL naming the key, size and validity. */
final class InMemoryImportObjects implements ImportObjects {

    static final Instant SIGNED_AT = Instant.parse("2026-12-07T10:00:00Z");

    final Map<String, byte[]> objects = new HashMap<>();
    boolean unavailable;

    @Override
    public PresignedUpload presignUpload(String key, long size, Duration validFor) {
        failIfUnavailable();
        return new PresignedUpload(
                URI.create("https://bucket.example/" + key + "?size=" + size),
                Map.of("content-length", Long.toString(size)),
                SIGNED_AT.plus(validFor));
    }

    @Override
    public Optional<byte[]> read(String key) {
        failIfUnavailable();
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public boolean exists(String key) {
        failIfUnavailable();
        return objects.containsKey(key);
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new StorageUnavailableException("unavailable", null);
        }
    }
}
