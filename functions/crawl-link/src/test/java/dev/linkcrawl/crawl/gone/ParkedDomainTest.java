package dev.linkcrawl.crawl.gone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParkedDomainTest {

    @Test
    void aPageThatSaysTheDomainIsForSaleIsParked() {
        assertThat(
                        ParkedDomain.matches(
                                "<html></html>",
                                "lapsed.example - This domain is for sale!",
                                "Make an offer today.",
                                4))
                .isTrue();
    }

    @Test
    void aThinPageThatLoadsAParkingServiceIsParked() {
        String html =
                "<html><head><script src=\"https://img.sedoparking.com/js/park.js\"></script>"
                        + "</head><body></body></html>";

        assertThat(ParkedDomain.matches(html, "lapsed.example", "", 0)).isTrue();
    }

    @Test
    void goDaddysParkingLanderIsParked() {
        String html =
                "<script src=\"https://img1.wsimg.com/parking-lander/static/js/main.js\"></script>";

        assertThat(ParkedDomain.matches(html, null, "", 0)).isTrue();
    }

    @Test
    void aLongArticleAboutBuyingDomainsIsNotParked() {
        String html = "<a href=\"https://www.hugedomains.com/domain_profile.cfm?d=x\">x</a>";

        assertThat(
                        ParkedDomain.matches(
                                html,
                                "How I bought my domain",
                                "Buy this domain, they said. " + "word ".repeat(400),
                                406))
                .isFalse();
    }

    @Test
    void aShortOrdinaryPageIsNotParked() {
        assertThat(ParkedDomain.matches("<p>Hello</p>", "Hello", "Hello, world.", 2)).isFalse();
    }
}
