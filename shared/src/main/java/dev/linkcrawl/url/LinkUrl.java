package dev.linkcrawl.url;

import java.util.Objects;

/**
 * An absolute http(s) URL in normal form. {@link #check} and {@link #resolve} apply the URL rules
 * ({@link UrlRules}: absolute {@code http} or {@code https} only, at most 2048 characters, no
 * credentials, no blocked host, address or port; lowercase scheme and host, no default port or
 * fragment, dot segments resolved, tracking parameters dropped) and are the way to get one; the
 * constructor refuses any value that is not already in normal form, so a {@code LinkUrl} never
 * holds an unchecked spelling. docs/api.md's "Save a link" lists what each refusal is called.
 *
 * <p>Rules chosen where those leave room:
 *
 * <ul>
 *   <li>{@code http:/a.com}, {@code http:a.com} and {@code a.com:8080/x} are {@link
 *       UrlProblem#NOT_ABSOLUTE}; {@code http:///a.com} has no host ({@link
 *       UrlProblem#INVALID_HOST}).
 *   <li>The 2048-character limit applies to the text as given and to the normal form (non-ASCII
 *       grows when percent-encoded); both are {@link UrlProblem#TOO_LONG}.
 *   <li>Hosts: IDNA 2003 mapping ({@link java.net.IDN}), then every rule again on the mapped name;
 *       one trailing dot is dropped; labels are 1 to 63 of {@code [a-z0-9_-]}; an IPv6 zone id is
 *       {@link UrlProblem#INVALID_HOST}; IPv6 is written in RFC 5952 form, embedded IPv4 in hex.
 *   <li>Ports: {@code http://a.com:/} is the default port; leading zeros are read ({@code :080} is
 *       80).
 *   <li>Normal form: a stray {@code %} becomes {@code %25}; raw characters RFC 3986 does not allow
 *       are encoded; empty query parameters ({@code a=1&&b=2}) and an empty query are dropped;
 *       tracking parameter names match case-insensitively.
 * </ul>
 *
 * @param value the normalised URL, for example {@code https://example.com/a?b=1}
 * @param scheme {@code http} or {@code https}
 * @param host the lowercase ASCII host (punycode for IDNs, IPv6 without brackets)
 * @param port the effective port (80 or 443 when the URL names none)
 */
public record LinkUrl(String value, String scheme, String host, int port) {

    /** The longest URL accepted: 2048 characters, as written and once normalised. */
    public static final int MAX_LENGTH = UrlRules.MAX_LENGTH;

    /**
     * @throws IllegalArgumentException when {@code value} is not a URL in normal form, or {@code
     *     scheme}, {@code host} and {@code port} are not its own
     */
    public LinkUrl {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        UrlRules.requireNormalForm(value, scheme, host, port);
    }

    /** Checks {@code raw} against the URL rules and normalises it. Never throws for bad input. */
    public static UrlCheck check(String raw, UrlPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return UrlRules.check(raw, policy);
    }

    /**
     * Resolves a redirect's {@code Location} (absolute, scheme-relative or relative) against {@code
     * base} and checks the result with the same rules as {@link #check}. RFC 3986 strict
     * resolution: a reference with a scheme is taken as absolute, so {@code http:/a} is refused
     * rather than read as a path. Never throws for a bad reference.
     */
    public static UrlCheck resolve(LinkUrl base, String reference, UrlPolicy policy) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(policy, "policy");
        return UrlRules.resolve(base, reference, policy);
    }

    @Override
    public String toString() {
        return value;
    }
}
