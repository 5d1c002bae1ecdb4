package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "www.bbc.co.uk, bbc.co.uk",
        "news.example.com, example.com",
        "example.com, example.com",
        "user.github.io, user.github.io",
        "a.b.example.com.au, example.com.au",
        "WWW.Example.ORG., example.org",
    })
    void approximatesTheRegistrableDomain(String host, String site) {
        assertThat(SiteKey.ofHost(host)).isEqualTo(site);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "https://www.bbc.co.uk/a, https://news.bbc.co.uk/b, true",
        "https://bbc.co.uk/a, https://itv.co.uk/b, false",
        "https://a.github.io/x, https://b.github.io/y, false",
        "https://user:pw@example.com:8443/x, http://example.com/, true",
    })
    void comparesSites(String a, String b, boolean same) {
        assertThat(SiteKey.sameSite(a, b)).isEqualTo(same);
    }
}
