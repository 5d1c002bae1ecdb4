package dev.linkcrawl.uploads;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /imports} asks for: an upload of {@code size} bytes, of a file named {@code
 * fileName} (its extension hints at the format).
 */
public record UploadRequest(long size, Optional<String> fileName) {

    public UploadRequest {
        Objects.requireNonNull(fileName, "fileName");
    }
}
