package dev.linkcrawl.url;

import java.util.Locale;
import java.util.Optional;

/**
 * The URL rules, applied at submit, at import and to every redirect hop (README, "Design notes"),
 * in three steps: parse (split an absolute http(s) URL into its parts), validate (syntax here,
 * policy in {@link #check}) and normalise. Pure: no DNS lookup, no I/O.
 */
final class UrlRules {

    /** The longest URL accepted, as written and once normalised, in characters. */
    static final int MAX_LENGTH = 2048;

    /**
     * U+FFFD REPLACEMENT CHARACTER: what a decoder writes for bytes that are not valid in the
     * charset it assumed, so a URL holding it was garbled on its way (a page decoded as UTF-8 that
     * was not); the site never meant it, and fetching it only finds a 404 or the wrong page.
     */
    private static final char REPLACEMENT_CHARACTER = '\ufffd';

    /** U+FFFD once percent-encoded as UTF-8, as the normal form writes it (uppercase hex). */
    private static final String ENCODED_REPLACEMENT_CHARACTER = "%EF%BF%BD";

    private UrlRules() {}

    /**
     * An absolute http(s) URL split at its delimiters, as written; the fragment is already gone.
     * {@code query} is null when there is no {@code ?}.
     */
    record Parts(String scheme, String authority, String path, String query) {}

    /** A URL that passed the syntax rules, in normal form; policy has not been applied yet. */
    record Normalised(String scheme, Host host, int port, String path, String query) {

        String value() {
            StringBuilder value = new StringBuilder(scheme).append("://");
            if (host instanceof Host.Ipv6) {
                value.append('[').append(host.text()).append(']');
            } else {
                value.append(host.text());
            }
            if (port != defaultPort(scheme)) {
                value.append(':').append(port);
            }
            value.append(path);
            if (!query.isEmpty()) {
                value.append('?').append(query);
            }
            return value.toString();
        }
    }

    static UrlCheck check(String raw, UrlPolicy policy) {
        try {
            Normalised url = normalise(raw);
            judge(url, policy);
            String value = url.value();
            return new UrlCheck.Accepted(
                    new LinkUrl(value, url.scheme(), url.host().text(), url.port()));
        } catch (UrlRefusal refusal) {
            return refusal.rejected();
        }
    }

    /**
     * Resolves {@code reference} against {@code base} (RFC 3986 §5.2, strict: a reference with a
     * scheme is absolute), then checks the result like any other URL.
     */
    static UrlCheck resolve(LinkUrl base, String reference, UrlPolicy policy) {
        if (reference == null || reference.isEmpty() || schemeEnd(reference) >= 0) {
            return check(reference, policy);
        }
        try {
            // The fragment is cut below, so its characters are checked here.
            requireUsableText(reference);
        } catch (UrlRefusal refusal) {
            return refusal.rejected();
        }
        if (reference.startsWith("//")) {
            return check(base.scheme() + ":" + reference, policy);
        }
        Parts parts;
        try {
            parts = split(base.value());
        } catch (UrlRefusal refusal) {
            throw new IllegalStateException("a LinkUrl always splits", refusal);
        }
        int fragment = reference.indexOf('#');
        String relative = fragment < 0 ? reference : reference.substring(0, fragment);
        int question = relative.indexOf('?');
        String path = question < 0 ? relative : relative.substring(0, question);
        String query = question < 0 ? null : relative.substring(question + 1);
        String targetPath;
        if (path.isEmpty()) {
            targetPath = parts.path();
            if (query == null) {
                query = parts.query();
            }
        } else if (path.startsWith("/")) {
            targetPath = path;
        } else {
            targetPath = parts.path().substring(0, parts.path().lastIndexOf('/') + 1) + path;
        }
        String target =
                parts.scheme()
                        + "://"
                        + parts.authority()
                        + targetPath
                        + (query == null ? "" : "?" + query);
        return check(target, policy);
    }

    /**
     * Applies every rule that does not depend on policy and returns the normal form.
     *
     * @throws UrlRefusal with the first rule the URL breaks
     */
    static Normalised normalise(String raw) throws UrlRefusal {
        requireUsableText(raw);
        Parts parts = split(raw);
        if (parts.authority().indexOf('@') >= 0) {
            throw new UrlRefusal(UrlProblem.CREDENTIALS);
        }
        String authority = parts.authority();
        String hostText = authority;
        String portText = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new UrlRefusal(UrlProblem.INVALID_HOST, "the IPv6 address has no ']'");
            }
            hostText = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new UrlRefusal(
                        UrlProblem.INVALID_HOST, "only a port may follow an IPv6 address");
            }
            portText = after.isEmpty() ? "" : after.substring(1);
        } else if (authority.indexOf(':') >= 0) {
            hostText = authority.substring(0, authority.indexOf(':'));
            portText = authority.substring(authority.indexOf(':') + 1);
        }
        Host host = Host.parse(hostText);
        int port = port(portText, parts.scheme());
        String path = UrlPath.normalise(parts.path());
        String query = parts.query() == null ? "" : UrlQuery.normalise(parts.query());
        Normalised url = new Normalised(parts.scheme(), host, port, path, query);
        if (url.value().contains(ENCODED_REPLACEMENT_CHARACTER)) {
            throw new UrlRefusal(UrlProblem.REPLACEMENT_CHARACTER);
        }
        if (url.value().length() > MAX_LENGTH) {
            throw new UrlRefusal(
                    UrlProblem.TOO_LONG,
                    "the URL is longer than 2048 characters once percent-encoded");
        }
        return url;
    }

    private static void requireUsableText(String raw) throws UrlRefusal {
        if (raw == null || raw.isEmpty()) {
            throw new UrlRefusal(UrlProblem.EMPTY);
        }
        if (raw.length() > MAX_LENGTH) {
            throw new UrlRefusal(UrlProblem.TOO_LONG);
        }
        UrlCharacters.requireAllowed(raw);
        if (raw.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            throw new UrlRefusal(UrlProblem.REPLACEMENT_CHARACTER);
        }
    }

    /**
     * The policy rules. A non-canonical numeric host is refused even when exempt: the exemption
     * names hosts exactly, and the value a numeric host decodes to is not the name written.
     */
    private static void judge(Normalised url, UrlPolicy policy) throws UrlRefusal {
        if (url.host() instanceof Host.Ipv4 ipv4 && !ipv4.canonical()) {
            Optional<String> range = BlockedAddresses.rangeOf(ipv4.address().bytes());
            if (range.isPresent()) {
                throw new UrlRefusal(
                        UrlProblem.BLOCKED_ADDRESS,
                        "the numeric host decodes to an address in the blocked range "
                                + range.get());
            }
            throw new UrlRefusal(UrlProblem.NON_CANONICAL_ADDRESS);
        }
        if (policy.isExempt(url.host().text(), url.port())) {
            return;
        }
        // instanceof rather than a pattern switch: its bootstrap costs milliseconds at cold start.
        if (url.host() instanceof Host.Domain domain && isLocalName(domain.text())) {
            throw new UrlRefusal(UrlProblem.BLOCKED_HOST);
        } else if (url.host() instanceof Host.Ipv4 ipv4) {
            refuseBlocked(ipv4.address().bytes());
        } else if (url.host() instanceof Host.Ipv6 ipv6) {
            refuseBlocked(ipv6.address().bytes());
        }
        if (!policy.allowedPorts().contains(url.port())) {
            throw new UrlRefusal(UrlProblem.BLOCKED_PORT);
        }
    }

    private static void refuseBlocked(byte[] address) throws UrlRefusal {
        Optional<String> range = BlockedAddresses.rangeOf(address);
        if (range.isPresent()) {
            throw new UrlRefusal(
                    UrlProblem.BLOCKED_ADDRESS,
                    "the address is in the blocked range " + range.get());
        }
    }

    /** Single-label names and the special-use names that never lead to a public site. */
    private static boolean isLocalName(String name) {
        return !name.contains(".")
                || name.equals("localhost")
                || name.endsWith(".localhost")
                || name.endsWith(".local")
                || name.endsWith(".internal")
                || name.equals("home.arpa")
                || name.endsWith(".home.arpa");
    }

    /**
     * Splits an absolute URL: the authority ends at the first {@code /}, {@code ?} or {@code #} (so
     * the {@code @} in {@code http://a.com#@b.com} is in the fragment), the path at the first
     * {@code ?} or {@code #}.
     */
    static Parts split(String raw) throws UrlRefusal {
        int colon = schemeEnd(raw);
        if (colon < 0) {
            throw new UrlRefusal(UrlProblem.NOT_ABSOLUTE);
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.indexOf('.') >= 0) {
            // "example.com:8080/a" is a host and port without a scheme, not the scheme
            // "example.com".
            throw new UrlRefusal(UrlProblem.NOT_ABSOLUTE);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UrlRefusal(UrlProblem.BLOCKED_SCHEME);
        }
        if (!raw.startsWith("//", colon + 1)) {
            // "http:/a.com" and "http:a.com": browsers guess, we ask for what was meant.
            throw new UrlRefusal(UrlProblem.NOT_ABSOLUTE);
        }
        int start = colon + 3;
        int end = indexOfAny(raw, "/?#", start);
        int fragment = raw.indexOf('#', end);
        String rest = fragment < 0 ? raw.substring(end) : raw.substring(end, fragment);
        int question = rest.indexOf('?');
        return new Parts(
                scheme,
                raw.substring(start, end),
                question < 0 ? rest : rest.substring(0, question),
                question < 0 ? null : rest.substring(question + 1));
    }

    /**
     * The index of the {@code :} that ends an RFC 3986 scheme ({@code ALPHA *( ALPHA / DIGIT / "+"
     * / "-" / "." )}) at the start of {@code text}, or -1 when it has none.
     */
    private static int schemeEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i > 0 ? i : -1;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (!letter && (i == 0 || !other)) {
                return -1;
            }
        }
        return -1;
    }

    private static int indexOfAny(String text, String delimiters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (delimiters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Digits only; empty means the scheme's default, as in the WHATWG standard. */
    private static int port(String text, String scheme) throws UrlRefusal {
        if (text.isEmpty()) {
            return defaultPort(scheme);
        }
        if (!Ipv4Literal.isDecimal(text)) {
            throw new UrlRefusal(UrlProblem.INVALID_PORT);
        }
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        int port = text.length() - start > 5 ? 0 : Integer.parseInt(text.substring(start));
        if (port < 1 || port > 65535) {
            throw new UrlRefusal(UrlProblem.INVALID_PORT);
        }
        return port;
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * Throws unless {@code value} is already in normal form and names exactly {@code scheme},
     * {@code host} and {@code port}: how {@link LinkUrl} keeps its promise.
     */
    static void requireNormalForm(String value, String scheme, String host, int port) {
        Normalised url;
        try {
            url = normalise(value);
        } catch (UrlRefusal refusal) {
            throw new IllegalArgumentException(
                    "not a valid URL: " + refusal.problem().code(), refusal);
        }
        if (url.host() instanceof Host.Ipv4 ipv4 && !ipv4.canonical()) {
            throw new IllegalArgumentException("a numeric host must be a dotted quad");
        }
        if (!url.value().equals(value)) {
            throw new IllegalArgumentException("the URL is not in normal form: " + url.value());
        }
        if (!url.scheme().equals(scheme) || !url.host().text().equals(host) || url.port() != port) {
            throw new IllegalArgumentException(
                    "scheme, host and port must be those of the URL: "
                            + url.scheme()
                            + ", "
                            + url.host().text()
                            + ", "
                            + url.port());
        }
    }
}
