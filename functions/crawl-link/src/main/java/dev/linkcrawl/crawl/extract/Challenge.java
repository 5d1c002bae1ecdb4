package dev.linkcrawl.crawl.extract;

/**
 * What stands between the crawler and the page, when the HTML is not the page itself but an
 * interstitial: a bot check, a JavaScript wall or a consent wall. Such a page is reported, never
 * indexed as the page's content.
 */
public enum Challenge {
    /** The HTML is the page itself. */
    NONE,
    /** Cloudflare's "Just a moment…" / "Checking your browser" / Turnstile interstitial. */
    CLOUDFLARE,
    /** DataDome's captcha or device check. */
    DATADOME,
    /** PerimeterX / HUMAN "Press & Hold" challenge. */
    PERIMETERX,
    /** Other vendors' bot checks (Akamai, Imperva/Incapsula, Sucuri, AWS WAF, hCaptcha walls). */
    OTHER_BOT_CHECK,
    /** A page whose only content asks to enable JavaScript (and cookies) to continue. */
    JAVASCRIPT_REQUIRED,
    /** A page whose only content is a cookie or privacy consent wall. */
    CONSENT_WALL;

    /** Whether the HTML is an interstitial rather than the page. */
    public boolean blocksPage() {
        return this != NONE;
    }
}
