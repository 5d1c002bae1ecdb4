package dev.linkcrawl.url;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL that passed the URL rules, in normalised form. The only way to get one is
 * {@link #check}, so holding a {@code LinkUrl} means the rules were applied.
 *
 * @param value the normalised URL, for example {@code https://example.com/a?b=1}
 * @param scheme {@code http} or {@code https}
 * @param host the lowercase ASCII host (punycode for IDNs, IPv6 without brackets)
 * @param port the effective port (80 or 443 when the URL names none)
 */
public record LinkUrl(String value, String scheme, String host, int port) {

    /** The longest URL accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "msclkid", "yclid", "_ga");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile(
                    "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HOST_LABEL =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public LinkUrl {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
    }

    /** Checks {@code raw} against the URL rules and normalises it. Never throws for bad input. */
    public static UrlCheck check(String raw, UrlPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (raw == null || raw.isEmpty()) {
            return new UrlCheck.Rejected(UrlProblem.EMPTY);
        }
        if (raw.length() > MAX_LENGTH) {
            return new UrlCheck.Rejected(UrlProblem.TOO_LONG);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (isForbiddenCharacter(raw.charAt(i))) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_CHARACTER);
            }
        }
        int colon = raw.indexOf(':');
        if (colon <= 0 || !raw.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return new UrlCheck.Rejected(UrlProblem.NOT_ABSOLUTE);
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new UrlCheck.Rejected(UrlProblem.BLOCKED_SCHEME);
        }
        if (!raw.startsWith("//", colon + 1)) {
            return new UrlCheck.Rejected(UrlProblem.NOT_ABSOLUTE);
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return new UrlCheck.Rejected(UrlProblem.MALFORMED);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return new UrlCheck.Rejected(UrlProblem.INVALID_HOST, "the URL has no host");
        }
        if (authority.contains("@")) {
            return new UrlCheck.Rejected(UrlProblem.CREDENTIALS);
        }
        String rawHost = authority;
        String rawPort = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_HOST);
            }
            rawHost = authority.substring(0, close + 1);
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    return new UrlCheck.Rejected(UrlProblem.INVALID_HOST);
                }
                rawPort = authority.substring(close + 2);
            }
        } else if (authority.lastIndexOf(':') >= 0) {
            rawHost = authority.substring(0, authority.lastIndexOf(':'));
            rawPort = authority.substring(authority.lastIndexOf(':') + 1);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = defaultPort;
        if (rawPort != null && !rawPort.isEmpty()) {
            if (!rawPort.matches("\\d{1,5}")
                    || Integer.parseInt(rawPort) > 65535
                    || Integer.parseInt(rawPort) == 0) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_PORT);
            }
            port = Integer.parseInt(rawPort);
        }
        if (rawHost.contains("%")) {
            return new UrlCheck.Rejected(
                    UrlProblem.INVALID_HOST, "percent-encoding is not allowed in a host");
        }
        String host;
        if (rawHost.startsWith("[")) {
            String literal = rawHost.substring(1, rawHost.length() - 1);
            if (!literal.matches("[0-9A-Fa-f:.]+")) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_HOST);
            }
            try {
                host = InetAddress.getByName(literal).getHostAddress().toLowerCase(Locale.ROOT);
            } catch (UnknownHostException e) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_HOST);
            }
            host = literal.toLowerCase(Locale.ROOT);
        } else {
            try {
                host = IDN.toASCII(rawHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_HOST);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty()) {
                return new UrlCheck.Rejected(UrlProblem.INVALID_HOST, "the URL has no host");
            }
        }
        boolean exempt = policy.isExempt(host, port);
        if (!exempt) {
            Optional<UrlCheck.Rejected> refused = judgeHost(host, rawHost.startsWith("["));
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!policy.allowedPorts().contains(port)) {
                return new UrlCheck.Rejected(UrlProblem.BLOCKED_PORT);
            }
        }
        String path =
                uri.getRawPath() == null || uri.getRawPath().isEmpty()
                        ? "/"
                        : uri.normalize().getRawPath();
        if (path.isEmpty()) {
            path = "/";
        }
        StringBuilder out = new StringBuilder(scheme).append("://");
        out.append(host.contains(":") ? "[" + host + "]" : host);
        if (port != defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = withoutTracking(uri.getRawQuery());
        if (query != null) {
            out.append('?').append(query);
        }
        return new UrlCheck.Accepted(new LinkUrl(out.toString(), scheme, host, port));
    }

    private static Optional<UrlCheck.Rejected> judgeHost(String host, boolean bracketed) {
        if (bracketed) {
            try {
                return BlockedAddresses.rangeOf(InetAddress.getByName(host))
                        .map(
                                range ->
                                        new UrlCheck.Rejected(
                                                UrlProblem.BLOCKED_ADDRESS,
                                                "the address is in the blocked range " + range));
            } catch (UnknownHostException e) {
                return Optional.of(new UrlCheck.Rejected(UrlProblem.INVALID_HOST));
            }
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (!last.isEmpty() && Character.isDigit(last.charAt(last.length() - 1))) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                return Optional.of(new UrlCheck.Rejected(UrlProblem.NON_CANONICAL_ADDRESS));
            }
            try {
                return BlockedAddresses.rangeOf(InetAddress.getByName(host))
                        .map(
                                range ->
                                        new UrlCheck.Rejected(
                                                UrlProblem.BLOCKED_ADDRESS,
                                                "the address is in the blocked range " + range));
            } catch (UnknownHostException e) {
                return Optional.of(new UrlCheck.Rejected(UrlProblem.INVALID_HOST));
            }
        }
        for (String label : host.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return Optional.of(new UrlCheck.Rejected(UrlProblem.INVALID_HOST));
            }
        }
        if (!host.contains(".")
                || host.equals("localhost")
                || host.endsWith(".localhost")
                || host.endsWith(".local")
                || host.endsWith(".internal")
                || host.endsWith(".home.arpa")) {
            return Optional.of(new UrlCheck.Rejected(UrlProblem.BLOCKED_HOST));
        }
        return Optional.empty();
    }

    private static String withoutTracking(String query) {
        if (query == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.isEmpty() ? null : kept.toString();
    }

    private static boolean isForbiddenCharacter(char c) {
        return c <= 0x20
                || c == 0x7f
                || c == '\\'
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL;
    }

    @Override
    public String toString() {
        return value;
    }
}
