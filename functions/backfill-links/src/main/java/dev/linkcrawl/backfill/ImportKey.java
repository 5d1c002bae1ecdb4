package dev.linkcrawl.backfill;

import dev.linkcrawl.imports.ImportKeyLayout;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an object key in the import bucket is: an upload to import, or an object this function
 * leaves alone (and why).
 */
public sealed interface ImportKey permits ImportUpload, ImportKey.Ignored {

    /** Uploads live under this prefix, one folder per owner: {@code imports/{owner}/…}. */
    String PREFIX = ImportKeyLayout.PREFIX;

    /** Results are written beside the upload with this suffix, and never imported. */
    String RESULT_SUFFIX = ImportKeyLayout.RESULT_SUFFIX;

    /** An object that is not imported. */
    record Ignored(String key, IgnoreReason reason) implements ImportKey {
        public Ignored {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an object is not imported. */
    enum IgnoreReason {
        /** An import result written by this function. */
        RESULT_OBJECT("result_object"),
        /** Not {@code imports/{owner}/{name}}: outside the prefix, no owner, or a folder marker. */
        NOT_AN_IMPORT("not_an_import"),
        /** The event key is not valid URL encoding. */
        UNDECODABLE_KEY("undecodable_key"),
        /** The event is not an {@code ObjectCreated} one (a deletion, a restore…). */
        NOT_OBJECT_CREATED("not_object_created");

        private final String code;

        IgnoreReason(String code) {
            this.code = code;
        }

        /** The stable snake_case code written in the function's answer and logs. */
        public String code() {
            return code;
        }
    }

    /**
     * Classifies a key as S3 event notifications spell it: URL-encoded, with {@code +} for spaces.
     */
    static ImportKey fromEventKey(String bucket, String encodedKey) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(encodedKey, "encodedKey");
        String key;
        try {
            key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Ignored(encodedKey, IgnoreReason.UNDECODABLE_KEY);
        }
        return of(bucket, key);
    }

    /** Classifies a decoded key. */
    static ImportKey of(String bucket, String key) {
        if (key.endsWith(RESULT_SUFFIX)) {
            return new Ignored(key, IgnoreReason.RESULT_OBJECT);
        }
        if (!key.startsWith(PREFIX)) {
            return new Ignored(key, IgnoreReason.NOT_AN_IMPORT);
        }
        int slash = key.indexOf('/', PREFIX.length());
        if (slash < 0 || key.endsWith("/")) {
            return new Ignored(key, IgnoreReason.NOT_AN_IMPORT);
        }
        String owner = key.substring(PREFIX.length(), slash);
        if (!ImportUpload.isValidOwner(owner)) {
            return new Ignored(key, IgnoreReason.NOT_AN_IMPORT);
        }
        return new ImportUpload(bucket, key, owner);
    }
}
