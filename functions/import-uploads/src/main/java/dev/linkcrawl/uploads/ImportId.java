package dev.linkcrawl.uploads;

import dev.linkcrawl.imports.ImportKeyLayout;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An import's id: 128 random bits in hex and the extension of the file it came from ({@code
 * 5f0c…9e.html}), so that nobody can guess another import's id, and the importing function still
 * sees the extension that hints at the format. Its upload is {@code imports/<owner>/<id>}: the
 * owner comes from the caller's token, never from the id.
 *
 * @param value the id as the API shows it
 */
public record ImportId(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}\\.(html|csv|json|txt)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ImportId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not an import id");
        }
    }

    /** A new id for an upload named {@code fileName} (empty when the caller gave none). */
    public static ImportId next(Optional<String> fileName) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ImportId(HexFormat.of().formatHex(bits) + "." + extension(fileName));
    }

    /** The id in a path segment, when it is one; anything else names no import. */
    public static Optional<ImportId> parse(String raw) {
        return raw != null && isWellFormed(raw) ? Optional.of(new ImportId(raw)) : Optional.empty();
    }

    static boolean isWellFormed(String raw) {
        return FORM.matcher(raw).matches();
    }

    /**
     * The extension the importing function reads as a hint: {@code html}, {@code csv}, {@code
     * json}, or {@code txt} for anything else (the function looks at the content too).
     */
    static String extension(Optional<String> fileName) {
        String name = fileName.orElse("").toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        return "txt";
    }

    /** Where {@code owner} uploads the file of this import. */
    public String uploadKey(String owner) {
        return ImportKeyLayout.uploadKey(owner, value);
    }

    /** Where the importing function writes this import's result. */
    public String resultKey(String owner) {
        return ImportKeyLayout.resultKey(uploadKey(owner));
    }
}
