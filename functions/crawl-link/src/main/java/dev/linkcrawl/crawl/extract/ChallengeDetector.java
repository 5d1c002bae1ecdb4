package dev.linkcrawl.crawl.extract;

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
        String h = html.length() > 200_000 ? html.substring(0, 200_000) : html;
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.contains("cf_chl_opt")
                || lower.contains("cf-browser-verification")
                || lower.contains("id=\"challenge-form\"")
                || lower.contains("cf-challenge-running")
                || (lower.contains("cf-turnstile") && lower.contains("challenge"))) {
            return Challenge.CLOUDFLARE;
        }
        boolean empty = pageChars < EMPTY_PAGE_CHARS;
        if (lower.contains("captcha-delivery.com") && empty) {
            return Challenge.DATADOME;
        }
        if (lower.contains("px-captcha")
                || (lower.contains("_pxappid") && empty)
                || lower.contains("press &amp; hold")
                || lower.contains("press & hold")) {
            return Challenge.PERIMETERX;
        }
        if (lower.contains("_incapsula_resource")
                || lower.contains("incapsula incident id")
                || lower.contains("sucuri website firewall")
                || lower.contains("awswafcookiedomainlist")
                || lower.contains("gokuprops")
                || (title.equals("access denied") && lower.contains("reference #"))
                || lower.contains("hcaptcha.com/1/api.js") && empty) {
            return Challenge.OTHER_BOT_CHECK;
        }
        Element body = doc.body();
        String text = body == null ? "" : body.text().toLowerCase(Locale.ROOT);
        if (empty && text.length() < THIN_PAGE_CHARS) {
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
        if (title.contains("checking your browser")
                || title.contains("are you a robot")
                || title.contains("verify you are human")
                || title.contains("bot verification")) {
            return Challenge.OTHER_BOT_CHECK;
        }
        return Challenge.NONE;
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
