package dev.linkcrawl.url;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host of a URL after mapping, in one of three forms. Parsing applies the syntax rules only;
 * whether the host may be crawled is decided by {@link UrlRules} with a {@link UrlPolicy}.
 */
sealed interface Host {

    /** The longest host name DNS can carry, without the trailing dot. */
    int MAX_NAME_LENGTH = 253;

    /** Letters, digits, hyphen and underscore, 1 to 63 of them; real names use all four. */
    Pattern LABEL = Pattern.compile("[a-z0-9_-]{1,63}");

    /** The host as {@link LinkUrl#host()} holds it: ASCII, lowercase, IPv6 without brackets. */
    String text();

    /** A DNS name in lowercase ASCII (punycode for IDNs), without a trailing dot. */
    record Domain(String text) implements Host {}

    /**
     * A host the WHATWG parser reads as an IPv4 address. {@code canonical} is whether it was
     * written as the plain dotted quad; {@link #text()} is always the dotted quad.
     */
    record Ipv4(Ipv4Literal address, boolean canonical) implements Host {
        @Override
        public String text() {
            return address.toString();
        }
    }

    /** A bracketed IPv6 literal; {@link #text()} is its RFC 5952 form. */
    record Ipv6(Ipv6Literal address) implements Host {
        @Override
        public String text() {
            return address.toString();
        }
    }

    /**
     * Parses the host part of an authority: {@code [v6]}, or a name that is mapped (IDNA 2003:
     * NFKC, case folding, the ideographic and full-width dots) and punycoded, then read as an IPv4
     * address if its last label is a number. Every rule runs on the mapped form, so full-width
     * {@code ｌｏｃａｌｈｏｓｔ} is judged as {@code localhost}. One trailing dot is dropped.
     */
    static Host parse(String raw) throws UrlRefusal {
        if (raw.isEmpty()) {
            throw new UrlRefusal(UrlProblem.INVALID_HOST, "the URL has no host");
        }
        if (raw.startsWith("[")) {
            String literal = raw.substring(1, raw.length() - 1);
            if (literal.indexOf('%') >= 0) {
                throw new UrlRefusal(
                        UrlProblem.INVALID_HOST, "an IPv6 zone id is not allowed in a URL");
            }
            Optional<Ipv6Literal> address = Ipv6Literal.parse(literal);
            if (address.isEmpty()) {
                throw new UrlRefusal(
                        UrlProblem.INVALID_HOST, "the bracketed host is not an IPv6 address");
            }
            return new Ipv6(address.get());
        }
        if (raw.indexOf('%') >= 0) {
            throw new UrlRefusal(
                    UrlProblem.INVALID_HOST, "percent-encoding is not allowed in a host");
        }
        String name = mapped(raw);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new UrlRefusal(UrlProblem.INVALID_HOST, "the host has an empty label");
        }
        if (Ipv4Literal.endsInNumber(name)) {
            Optional<Ipv4Literal> address = Ipv4Literal.parseLenient(name);
            if (address.isEmpty()) {
                throw new UrlRefusal(
                        UrlProblem.INVALID_HOST,
                        "the host ends in a number but is not an IPv4 address");
            }
            return new Ipv4(address.get(), name.equals(address.get().toString()));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new UrlRefusal(UrlProblem.INVALID_HOST, "the host is longer than 253 characters");
        }
        for (String label : name.split("\\.")) {
            if (!LABEL.matcher(label).matches()) {
                throw new UrlRefusal(
                        UrlProblem.INVALID_HOST,
                        "a host label has 1 to 63 letters, digits, hyphens or underscores");
            }
            if (!Punycode.isValidAceLabel(label)) {
                throw new UrlRefusal(UrlProblem.INVALID_PUNYCODE);
            }
        }
        return new Domain(name);
    }

    /**
     * Lowercase ASCII; a name with any other character goes through {@link IDN#toASCII} first.
     * ASCII labels, {@code xn--} ones included, are kept as written: the JDK cannot verify IDNA
     * 2008 labels such as {@code xn--fa-hia} (faß), and DNS judges them anyway. {@link #parse}
     * still refuses an {@code xn--} label that is not Punycode at all ({@link Punycode}).
     */
    private static String mapped(String raw) throws UrlRefusal {
        boolean ascii = true;
        for (int i = 0; i < raw.length() && ascii; i++) {
            ascii = raw.charAt(i) < 0x80;
        }
        if (ascii) {
            return raw.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(raw, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UrlRefusal(
                    UrlProblem.INVALID_HOST, "the host is not a valid internationalised name");
        }
    }
}
