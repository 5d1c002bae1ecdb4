package dev.linkcrawl.link;

import dev.linkcrawl.imports.ImportKeyLayout;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page the owner's client sends for a saved link is uploaded in the import bucket: {@code
 * pages/<owner>/<link id>/<32 random hex>.html}. The function that hands out the upload pins the
 * key to the caller (from the token) and to one of their links; the function that reads the page
 * takes owner and link from the key alone, and only a key of exactly this shape names a page.
 *
 * @param owner the owner's id (the JWT {@code sub}), a valid folder name ({@link
 *     ImportKeyLayout#isValidOwner})
 * @param link the saved link the page is for
 * @param name the upload's own name: 32 random lowercase hex characters and {@code .html}, so that
 *     nobody can guess the key of another upload
 */
public record ClientPageKey(String owner, LinkId link, String name) {

    /** Pages live under this prefix, one folder per owner and link. */
    public static final String PREFIX = "pages/";

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.html");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ClientPageKey {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(name, "name");
        if (!ImportKeyLayout.isValidOwner(owner)) {
            throw new IllegalArgumentException("the owner cannot name a folder");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a page's name is 32 lowercase hex and .html");
        }
    }

    /**
     * A new key for a page {@code owner} sends for {@code link}.
     *
     * @throws IllegalArgumentException when {@code owner} cannot name a folder (it holds {@code /}
     *     or a control character)
     */
    public static ClientPageKey next(String owner, LinkId link) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ClientPageKey(owner, link, HexFormat.of().formatHex(bits) + ".html");
    }

    /** The key {@code key} (decoded) names, when it has exactly the shape of a page's key. */
    public static Optional<ClientPageKey> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 3
                || !ImportKeyLayout.isValidOwner(parts[0])
                || !LinkId.isWellFormed(parts[1])
                || !NAME.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClientPageKey(parts[0], new LinkId(parts[1]), parts[2]));
    }

    /** The object key: {@code pages/<owner>/<link id>/<name>}. */
    public String value() {
        return PREFIX + owner + "/" + link.value() + "/" + name;
    }

    @Override
    public String toString() {
        return value();
    }
}
