package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.ChallengeDetector.Markers;
import org.junit.jupiter.api.Test;

class ChallengeDetectorTest {

    @Test
    void findsVendorMarkersWhateverTheirCase() {
        long found = Markers.find("<script>window.awsWafCookieDomainList = [];</script>", 52);

        assertThat(Markers.any(found, Markers.AWS_WAF)).isTrue();
    }

    @Test
    void findsNoMarkerPastTheLimit() {
        String html = "<p>hello</p><script>window._cf_chl_opt={}</script>";

        long found = Markers.find(html, html.indexOf("_cf_chl_opt") + 5);

        assertThat(Markers.any(found, Markers.CF_CHL_OPT)).isFalse();
    }

    @Test
    void readsOnlyTheStartOfAThinPageForMarkers() {
        String padding = "<!-- " + "x".repeat(ChallengeDetector.MARKER_SCAN_CHARS) + " -->";
        String html =
                "<html><head><title>Shop</title>"
                        + padding
                        + "</head><body><p>Hi</p>"
                        + "<div id=\"px-captcha\"></div></body></html>";

        ExtractedPage page = new PageExtractor().extract(html, "https://shop.example.com/");

        assertThat(page.challenge()).isEqualTo(Challenge.NONE);
    }
}
