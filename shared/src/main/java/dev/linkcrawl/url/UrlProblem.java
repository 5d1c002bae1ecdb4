package dev.linkcrawl.url;

/**
 * Why a URL was refused. Each reason carries the HTTP status the API answers with and the stable
 * {@code code} that clients see in a problem response: 400 when the text is not a usable absolute
 * URL, 422 when it is a well-formed URL that policy refuses.
 */
public enum UrlProblem {
    EMPTY(400, "empty", "the URL is empty"),
    INVALID_CHARACTER(
            400,
            "invalid_character",
            "the URL holds a control, whitespace, backslash or invisible character"),
    NOT_ABSOLUTE(
            400, "not_absolute", "the URL must be absolute and start with http:// or https://"),
    MALFORMED(400, "malformed", "the URL cannot be parsed"),
    INVALID_HOST(400, "invalid_host", "the URL's host is not a valid host name or IP address"),
    INVALID_PORT(400, "invalid_port", "the URL's port is not a number from 1 to 65535"),
    INVALID_PUNYCODE(
            400,
            "invalid_punycode",
            "a host label starting with xn-- is not Punycode an IDN encoder could have written"),
    REPLACEMENT_CHARACTER(
            400,
            "replacement_character",
            "the URL holds U+FFFD, the mark of text decoded from bytes that were not UTF-8"),
    TOO_LONG(422, "too_long", "the URL is longer than 2048 characters"),
    BLOCKED_SCHEME(422, "blocked_scheme", "only http and https URLs can be saved"),
    CREDENTIALS(422, "credentials", "URLs with a user name or password are refused"),
    BLOCKED_HOST(422, "blocked_host", "the host is a local or internal name"),
    BLOCKED_ADDRESS(422, "blocked_address", "the address is private, reserved or local"),
    NON_CANONICAL_ADDRESS(
            422,
            "non_canonical_address",
            "a numeric host must be written as a dotted quad such as 93.184.216.34"),
    BLOCKED_PORT(422, "blocked_port", "the port is not one the crawler may connect to");

    private final int status;
    private final String code;
    private final String description;

    UrlProblem(int status, String code, String description) {
        this.status = status;
        this.code = code;
        this.description = description;
    }

    /** The HTTP status the API answers with: 400 (malformed) or 422 (refused by policy). */
    public int status() {
        return status;
    }

    /** The stable, snake_case code clients match on. */
    public String code() {
        return code;
    }

    /** A sentence for people, safe to show: it never holds the refused input. */
    public String description() {
        return description;
    }
}
