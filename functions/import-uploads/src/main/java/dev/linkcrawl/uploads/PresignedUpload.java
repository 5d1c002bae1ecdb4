package dev.linkcrawl.uploads;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An upload the caller may make once, without credentials of their own: a {@code PUT} of exactly
 * the declared size to {@code url} before {@code expiresAt}.
 *
 * @param url the presigned URL (the signature is in its query)
 * @param headers headers the caller must send as given, because they are signed in ({@code
 *     content-length})
 * @param expiresAt when the URL stops working
 */
public record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedUpload {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
        headers = Map.copyOf(headers);
    }
}
