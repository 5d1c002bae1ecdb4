package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.Challenge;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the crawler could not read a page that the owner's browser can, so the document asks for
 * the page ({@code needsPage: true}): an interstitial stood in for it (a bot check, a JavaScript or
 * consent wall), it is a shell that only JavaScript fills (under {@value #SHELL_WORDS} words of
 * main text, with scripts), or it declares a paywall (schema.org's {@code isAccessibleForFree:
 * false}, or a locked {@code article:content_tier}).
 */
final class UnreadablePage {

    /** A page with fewer words of main text than this, and scripts, is a shell: 20. */
    static final int SHELL_WORDS = 20;

    /** How much of the source is searched for scripts and paywall markers: 512 Ki characters. */
    static final int SOURCE_SCAN_CHARS = 512 * 1024;

    private static final Pattern NOT_FREE =
            Pattern.compile("\"isaccessibleforfree\"\\s*:\\s*(false|\"false\")");

    private static final Pattern LOCKED_TIER =
            Pattern.compile(
                    "<meta[^>]*article:content_tier[^>]*content\\s*=\\s*[\"']?(locked|metered)");

    private UnreadablePage() {}

    static boolean needsPage(Challenge challenge, int wordCount, String html) {
        if (challenge.blocksPage()) {
            return true;
        }
        String source =
                html.substring(0, Math.min(html.length(), SOURCE_SCAN_CHARS))
                        .toLowerCase(Locale.ROOT);
        boolean shell = wordCount < SHELL_WORDS && source.contains("<script");
        return shell || NOT_FREE.matcher(source).find() || LOCKED_TIER.matcher(source).find();
    }
}
