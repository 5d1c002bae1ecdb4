package dev.linkcrawl.crawl.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Recognises interstitials that stand in for the page: bot checks, JavaScript walls and consent
 * walls.
 *
 * <p>Vendor markers alone are not enough (Cloudflare injects its challenge-platform script into
 * ordinary pages too): a page counts as a challenge when its title is a known interstitial title,
 * or when a vendor marker meets a page with almost no text of its own (under {@value
 * #THIN_PAGE_CHARS} visible characters).
 */
final class ChallengeDetector {

    /** A page with less visible text than this is "thin": 1,500 characters. */
    static final int THIN_PAGE_CHARS = 1_500;

    /**
     * A page with less visible text than this outside banners has nothing but the wall: 150
     * characters (a short post or a tweet still has more).
     */
    static final int EMPTY_PAGE_CHARS = 150;

    /**
     * How much of a thin page's source is searched for vendor markers: 64 KiB of text (65,536
     * characters). Interstitials are small documents (a few KiB: the marker is in their head or
     * first script); a thin page with more source than this is an application shell, and reading
     * all of it cost half as much as parsing it.
     */
    static final int MARKER_SCAN_CHARS = 64 * 1024;

    private ChallengeDetector() {}

    static Challenge detect(Document doc, String titleTag, int pageChars, Supplier<String> source) {
        String title = titleTag == null ? "" : titleTag.strip().toLowerCase(Locale.ROOT);
        if (title.startsWith("just a moment")
                || title.equals("attention required! | cloudflare")
                || title.startsWith("checking your browser")
                || title.equals("one moment, please...")
                || title.equals("please wait... | cloudflare")) {
            return Challenge.CLOUDFLARE;
        }
        boolean thin = pageChars < THIN_PAGE_CHARS;
        if (!thin) {
            return Challenge.NONE;
        }
        String html = source.get();
        long found = Markers.find(html, Math.min(html.length(), MARKER_SCAN_CHARS));
        if (Markers.any(
                        found,
                        Markers.CF_CHL_OPT,
                        Markers.CF_BROWSER_VERIFICATION,
                        Markers.CHALLENGE_FORM,
                        Markers.CF_CHALLENGE_RUNNING)
                || (Markers.any(found, Markers.CF_TURNSTILE)
                        && Markers.any(found, Markers.CHALLENGE))) {
            return Challenge.CLOUDFLARE;
        }
        boolean empty = pageChars < EMPTY_PAGE_CHARS;
        if (Markers.any(found, Markers.CAPTCHA_DELIVERY) && empty) {
            return Challenge.DATADOME;
        }
        if (Markers.any(found, Markers.PX_CAPTCHA, Markers.PRESS_AND_HOLD, Markers.PRESS_AMP_HOLD)
                || (Markers.any(found, Markers.PX_APP_ID) && empty)) {
            return Challenge.PERIMETERX;
        }
        if (Markers.any(
                        found,
                        Markers.INCAPSULA_RESOURCE,
                        Markers.INCAPSULA_INCIDENT,
                        Markers.SUCURI,
                        Markers.AWS_WAF,
                        Markers.GOKU_PROPS)
                || (title.equals("access denied") && Markers.any(found, Markers.REFERENCE))
                || (Markers.any(found, Markers.HCAPTCHA) && empty)) {
            return Challenge.OTHER_BOT_CHECK;
        }
        if (empty) {
            Element body = doc.body();
            String text = body == null ? "" : body.text().toLowerCase(Locale.ROOT);
            if (text.length() < THIN_PAGE_CHARS) {
                if (text.contains("enable javascript")
                        || text.contains("javascript is disabled")
                        || text.contains("javascript is required")
                        || text.contains("enable cookies")
                        || text.contains("requires javascript")
                        || text.contains("turn on javascript")
                        || text.contains("activate javascript")
                        || text.contains("javascript aktivieren")) {
                    return Challenge.JAVASCRIPT_REQUIRED;
                }
                if (consentWall(text, title)) {
                    return Challenge.CONSENT_WALL;
                }
            }
        }
        if (title.contains("checking your browser")
                || title.contains("are you a robot")
                || title.contains("verify you are human")
                || title.contains("bot verification")) {
            return Challenge.OTHER_BOT_CHECK;
        }
        return Challenge.NONE;
    }

    /** The vendor markers, found in the page source ignoring ASCII case. */
    static final class Markers {
        static final int CF_CHL_OPT = 0;
        static final int CF_BROWSER_VERIFICATION = 1;
        static final int CHALLENGE_FORM = 2;
        static final int CF_CHALLENGE_RUNNING = 3;
        static final int CF_TURNSTILE = 4;
        static final int CHALLENGE = 5;
        static final int CAPTCHA_DELIVERY = 6;
        static final int PX_CAPTCHA = 7;
        static final int PX_APP_ID = 8;
        static final int PRESS_AMP_HOLD = 9;
        static final int PRESS_AND_HOLD = 10;
        static final int INCAPSULA_RESOURCE = 11;
        static final int INCAPSULA_INCIDENT = 12;
        static final int SUCURI = 13;
        static final int AWS_WAF = 14;
        static final int GOKU_PROPS = 15;
        static final int REFERENCE = 16;
        static final int HCAPTCHA = 17;

        /** Lower-case ASCII, indexed by the constants above. */
        private static final String[] TEXT = {
            "cf_chl_opt",
            "cf-browser-verification",
            "id=\"challenge-form\"",
            "cf-challenge-running",
            "cf-turnstile",
            "challenge",
            "captcha-delivery.com",
            "px-captcha",
            "_pxappid",
            "press &amp; hold",
            "press & hold",
            "_incapsula_resource",
            "incapsula incident id",
            "sucuri website firewall",
            "awswafcookiedomainlist",
            "gokuprops",
            "reference #",
            "hcaptcha.com/1/api.js"
        };

        private Markers() {}

        /**
         * A bit per marker found in the first {@code limit} characters: one pass folds ASCII to
         * lower case into a Latin-1 string (other characters cannot belong to a marker), which the
         * JDK then searches with its vectorised {@code indexOf}.
         */
        static long find(String s, int limit) {
            byte[] folded = new byte[limit];
            for (int i = 0; i < limit; i++) {
                char c = s.charAt(i);
                folded[i] =
                        c >= 0x80
                                ? (byte) 0x80
                                : (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            String lower = new String(folded, StandardCharsets.ISO_8859_1);
            long found = 0;
            for (int m = 0; m < TEXT.length; m++) {
                if (lower.contains(TEXT[m])) {
                    found |= 1L << m;
                }
            }
            return found;
        }

        static boolean any(long found, int... markers) {
            for (int m : markers) {
                if ((found & (1L << m)) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean consentWall(String text, String title) {
        boolean aboutCookies =
                text.contains("cookie")
                        || text.contains("consent")
                        || text.contains("privacy")
                        || text.contains("datenschutz");
        if (!aboutCookies) {
            return false;
        }
        boolean asks =
                text.contains("accept all")
                        || text.contains("reject all")
                        || text.contains("alle akzeptieren")
                        || text.contains("tout accepter")
                        || text.contains("manage options")
                        || text.contains("before you continue");
        return asks || title.contains("consent") || title.contains("before you continue");
    }
}
