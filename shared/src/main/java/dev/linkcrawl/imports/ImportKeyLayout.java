package dev.linkcrawl.imports;

/**
 * Where imports live in the import bucket, known to the function that hands out uploads, the one
 * that imports them and the local {@code ./linkcrawl import}: an upload at {@code
 * imports/<owner>/<name>}, its result beside it at {@code <upload key>.result.json}.
 */
public final class ImportKeyLayout {

    /** Uploads live under this prefix, one folder per owner. */
    public static final String PREFIX = "imports/";

    /**
     * Results are written beside the upload with this suffix; such keys are never imported, or each
     * result would trigger the import again.
     */
    public static final String RESULT_SUFFIX = ".result.json";

    private ImportKeyLayout() {}

    /**
     * Whether {@code owner} can name an owner folder: not blank, no {@code /}, no control
     * characters.
     */
    public static boolean isValidOwner(String owner) {
        return owner != null
                && !owner.isBlank()
                && owner.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '/');
    }

    /** {@code imports/<owner>/<name>}. */
    public static String uploadKey(String owner, String name) {
        if (!isValidOwner(owner)) {
            throw new IllegalArgumentException("the owner cannot name a folder");
        }
        return PREFIX + owner + "/" + name;
    }

    /** Where the import of {@code uploadKey} writes its result. */
    public static String resultKey(String uploadKey) {
        return uploadKey + RESULT_SUFFIX;
    }
}
