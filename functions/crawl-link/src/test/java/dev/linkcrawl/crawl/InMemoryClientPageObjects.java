package dev.linkcrawl.crawl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sent pages in memory, by bucket and key; remembers what was deleted. */
final class InMemoryClientPageObjects implements ClientPageObjects {

    final Map<String, byte[]> objects = new HashMap<>();
    final Set<String> deleted = new HashSet<>();
    boolean unavailable;

    void put(String bucket, String key, byte[] bytes) {
        objects.put(bucket + "/" + key, bytes);
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long maxBytes) {
        failIfUnavailable();
        byte[] bytes = objects.get(bucket + "/" + key);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(
                java.util.Arrays.copyOf(bytes, (int) Math.min(bytes.length, maxBytes + 1)));
    }

    @Override
    public void delete(String bucket, String key) {
        failIfUnavailable();
        objects.remove(bucket + "/" + key);
        deleted.add(bucket + "/" + key);
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new PageStorageException("unavailable", null);
        }
    }
}
