package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LinkUrl#resolve}: every redirect hop is resolved, then held to the same rules. */
class LinkUrlResolveTest {

    private static final LinkUrl BASE = accepted("http://example.com/b/c/d;p?q");

    private static LinkUrl accepted(String raw) {
        return ((UrlCheck.Accepted) LinkUrl.check(raw, UrlPolicy.DEFAULT)).url();
    }

    private static String resolved(LinkUrl base, String reference) {
        UrlCheck result = LinkUrl.resolve(base, reference, UrlPolicy.DEFAULT);
        assertThat(result).as(reference).isInstanceOf(UrlCheck.Accepted.class);
        return ((UrlCheck.Accepted) result).url().value();
    }

    private static UrlProblem refusal(LinkUrl base, String reference) {
        UrlCheck result = LinkUrl.resolve(base, reference, UrlPolicy.DEFAULT);
        assertThat(result).as(reference).isInstanceOf(UrlCheck.Rejected.class);
        return ((UrlCheck.Rejected) result).problem();
    }

    /** RFC 3986 §5.4, with {@code a} replaced by {@code example.com} so the host is allowed. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    g               | http://example.com/b/c/g
                    ./g             | http://example.com/b/c/g
                    g/              | http://example.com/b/c/g/
                    /g              | http://example.com/g
                    //example.org/g | http://example.org/g
                    ?y              | http://example.com/b/c/d;p?y
                    g?y             | http://example.com/b/c/g?y
                    #s              | http://example.com/b/c/d;p?q
                    g#s             | http://example.com/b/c/g
                    g?y#s           | http://example.com/b/c/g?y
                    ;x              | http://example.com/b/c/;x
                    g;x             | http://example.com/b/c/g;x
                    g;x?y#s         | http://example.com/b/c/g;x?y
                    .               | http://example.com/b/c/
                    ./              | http://example.com/b/c/
                    ..              | http://example.com/b/
                    ../             | http://example.com/b/
                    ../g            | http://example.com/b/g
                    ../..           | http://example.com/
                    ../../          | http://example.com/
                    ../../g         | http://example.com/g
                    ../../../g      | http://example.com/g
                    ../../../../g   | http://example.com/g
                    /./g            | http://example.com/g
                    /../g           | http://example.com/g
                    g.              | http://example.com/b/c/g.
                    .g              | http://example.com/b/c/.g
                    g..             | http://example.com/b/c/g..
                    ..g             | http://example.com/b/c/..g
                    ./../g          | http://example.com/b/g
                    ./g/.           | http://example.com/b/c/g/
                    g/./h           | http://example.com/b/c/g/h
                    g/../h          | http://example.com/b/c/h
                    g;x=1/./y       | http://example.com/b/c/g;x=1/y
                    g;x=1/../y      | http://example.com/b/c/y
                    g?y/./x         | http://example.com/b/c/g?y/./x
                    g#s/../x        | http://example.com/b/c/g
                    """)
    void resolvesTheRfc3986Examples(String reference, String expected) {
        assertThat(resolved(BASE, reference)).isEqualTo(expected);
    }

    @Test
    void takesAReferenceWithASchemeAsAbsoluteAsRfc3986StrictParsersDo() {
        assertThat(refusal(BASE, "http:g")).isEqualTo(UrlProblem.NOT_ABSOLUTE);
        assertThat(refusal(BASE, "g:h")).isEqualTo(UrlProblem.BLOCKED_SCHEME);
    }

    @Test
    void followsAnAbsoluteRedirectToAnotherSite() {
        assertThat(resolved(BASE, "https://Example.ORG:443/x/../y#z"))
                .isEqualTo("https://example.org/y");
    }

    @Test
    void refusesARedirectToACloudMetadataAddress() {
        assertThat(refusal(BASE, "http://169.254.169.254/latest/meta-data/"))
                .isEqualTo(UrlProblem.BLOCKED_ADDRESS);
    }

    @Test
    void refusesARedirectToLoopbackWrittenAsOneNumber() {
        assertThat(refusal(BASE, "http://2130706433/")).isEqualTo(UrlProblem.BLOCKED_ADDRESS);
    }

    @Test
    void refusesARedirectToAnInternalName() {
        assertThat(refusal(BASE, "//metadata.google.internal/")).isEqualTo(UrlProblem.BLOCKED_HOST);
    }

    @Test
    void refusesASchemeChangeToFile() {
        assertThat(refusal(BASE, "file:///etc/passwd")).isEqualTo(UrlProblem.BLOCKED_SCHEME);
    }

    @Test
    void refusesASchemeChangeToJavascript() {
        assertThat(refusal(BASE, "javascript:alert(1)")).isEqualTo(UrlProblem.BLOCKED_SCHEME);
    }

    @Test
    void givesASchemeRelativeReferenceTheSchemeOfTheBase() {
        LinkUrl secure = accepted("https://example.com/a");

        assertThat(resolved(secure, "//example.org/x")).isEqualTo("https://example.org/x");
        assertThat(resolved(BASE, "//example.org/x")).isEqualTo("http://example.org/x");
    }

    @Test
    void allowsAChangeFromHttpsToHttp() {
        assertThat(resolved(accepted("https://example.com/a"), "http://example.com/a"))
                .isEqualTo("http://example.com/a");
    }

    @Test
    void keepsThePortOfTheBaseForARelativeReference() {
        assertThat(resolved(accepted("http://example.com:8080/a/b"), "c"))
                .isEqualTo("http://example.com:8080/a/c");
    }

    @Test
    void keepsAnIpv6BaseInBrackets() {
        assertThat(resolved(accepted("http://[2606:4700:4700::1111]/a/b"), "../c?d=1"))
                .isEqualTo("http://[2606:4700:4700::1111]/c?d=1");
    }

    @Test
    void normalisesTheResolvedUrl() {
        assertThat(resolved(BASE, "../%7eA/./é?utm_source=x&id=%2f#top"))
                .isEqualTo("http://example.com/b/~A/%C3%A9?id=%2F");
    }

    @Test
    void refusesTheBackslashThatBrowsersReadAsASlash() {
        assertThat(refusal(BASE, "/\\evil.example/")).isEqualTo(UrlProblem.INVALID_CHARACTER);
    }

    @Test
    void refusesAnInvisibleCharacterEvenInTheDroppedFragment() {
        assertThat(refusal(BASE, "g#\u200B")).isEqualTo(UrlProblem.INVALID_CHARACTER);
    }

    @Test
    void refusesAnEmptyOrMissingLocation() {
        assertThat(refusal(BASE, "")).isEqualTo(UrlProblem.EMPTY);
        assertThat(refusal(BASE, null)).isEqualTo(UrlProblem.EMPTY);
    }

    @Test
    void refusesAReferenceLongerThan2048Characters() {
        assertThat(refusal(BASE, "g".repeat(2049))).isEqualTo(UrlProblem.TOO_LONG);
    }

    @Test
    void refusesAResolvedUrlLongerThan2048Characters() {
        String reference = "g".repeat(2048 - "http://example.com/b/c/".length() + 1);

        assertThat(refusal(BASE, reference)).isEqualTo(UrlProblem.TOO_LONG);
    }

    @Test
    void refusesARedirectWithCredentials() {
        assertThat(refusal(BASE, "https://user:pass@example.org/"))
                .isEqualTo(UrlProblem.CREDENTIALS);
    }

    @Test
    void refusesARedirectToAPortTheCrawlerMayNotUse() {
        assertThat(refusal(BASE, "//example.com:6379/")).isEqualTo(UrlProblem.BLOCKED_PORT);
    }

    @Test
    void appliesTheExemptionsOfThePolicy() {
        UrlPolicy policy =
                new UrlPolicy(UrlPolicy.DEFAULT_PORTS, Set.of(new HostPort("127.0.0.1", 8081)));
        LinkUrl local =
                ((UrlCheck.Accepted) LinkUrl.check("http://127.0.0.1:8081/start", policy)).url();

        UrlCheck relative = LinkUrl.resolve(local, "/next", policy);
        UrlCheck elsewhere = LinkUrl.resolve(local, "http://127.0.0.1:8082/", policy);

        assertThat(relative)
                .isEqualTo(
                        new UrlCheck.Accepted(
                                new LinkUrl(
                                        "http://127.0.0.1:8081/next", "http", "127.0.0.1", 8081)));
        assertThat(elsewhere).isInstanceOf(UrlCheck.Rejected.class);
        assertThat(((UrlCheck.Rejected) elsewhere).problem()).isEqualTo(UrlProblem.BLOCKED_ADDRESS);
    }
}
