package dev.linkcrawl.crawl;

import java.util.Optional;

/**
 * The pages owners' clients upload to the import bucket, as the function that reads them sees it.
 */
interface ClientPageObjects {

    /**
     * The object at {@code key}, or empty when there is none. At most {@code maxBytes + 1} bytes
     * are read: a longer object reads as longer than {@code maxBytes}, never whole.
     *
     * @throws PageStorageException when the bucket cannot answer
     */
    Optional<byte[]> read(String bucket, String key, long maxBytes);

    /**
     * Deletes the object at {@code key}; one that is gone already is no error.
     *
     * @throws PageStorageException when the bucket cannot answer
     */
    void delete(String bucket, String key);
}
