package dev.linkcrawl.backfill;

import dev.linkcrawl.imports.ImportKeyLayout;
import java.util.Objects;

/**
 * A bookmark export uploaded to {@code imports/{owner}/{name}}: its links are saved for {@code
 * owner}.
 *
 * @param bucket the import bucket
 * @param key the decoded object key, for example {@code imports/alice/my bookmarks.html}
 * @param owner the owner segment of the key (the user's JWT {@code sub})
 */
public record ImportUpload(String bucket, String key, String owner) implements ImportKey {

    public ImportUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        if (!isValidOwner(owner) || !key.startsWith(PREFIX + owner + "/")) {
            throw new IllegalArgumentException("the key must be imports/{owner}/{name}");
        }
        if (key.endsWith("/") || key.endsWith(RESULT_SUFFIX)) {
            throw new IllegalArgumentException("the key must name an upload, not a result");
        }
    }

    /** The file name, the last segment of the key (its extension can hint at the format). */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** Where the import's result is written: beside the upload, {@code <key>.result.json}. */
    public String resultKey() {
        return ImportKeyLayout.resultKey(key);
    }

    /** An owner is a non-blank key segment without control characters. */
    static boolean isValidOwner(String owner) {
        return ImportKeyLayout.isValidOwner(owner);
    }
}
