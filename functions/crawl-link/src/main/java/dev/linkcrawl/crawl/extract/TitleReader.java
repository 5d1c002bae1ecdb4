package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The title: Dublin Core, OpenGraph or Twitter first, then the JSON-LD headline (when it matches
 * the page), microdata, publisher tags, {@code <title>}, the first {@code h1}; then the site's name
 * or a tagline cut off ("Article | Site").
 */
final class TitleReader {

    static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—·•»/:~]|::)\\s+");

    private TitleReader() {}

    static String rawTitle(PageSignals s, Map<String, Object> entity) {
        // Dublin Core is rare and deliberate (publishers, archives, standards bodies): where a page
        // states it, it is the curated title, as Readability also decides.
        String t = s.firstMeta("dc.title", "dcterms.title", "og:title", "twitter:title");
        if (t == null) {
            String headline = entityHeadline(entity, s.titleTag);
            // Some sites put a description in "headline" (Wikipedia: "constitutional monarchy in
            // Oceania"); trust it only when it shares a word with the <title> or the first h1.
            if (headline != null
                    && (s.titleTag == null
                            || sharesWord(headline, s.titleTag)
                            || (!s.h1s.isEmpty() && sharesWord(headline, s.h1s.get(0).text())))) {
                t = headline;
            }
        }
        if (t == null) {
            t = s.firstItemprop("headline");
            // on a link, microdata reads the href: a URL is no headline
            if (t != null && MetaText.looksLikeUrl(t)) {
                t = null;
            }
        }
        if (t == null) {
            t = s.firstMeta("sailthru.title", "parsely-title");
        }
        if (t == null && s.titleTag != null && !s.titleTag.isBlank()) {
            t = s.titleTag;
        }
        if (t == null && !s.h1s.isEmpty()) {
            t = s.h1s.get(0).text();
        }
        return t == null ? null : MetaText.collapse(t);
    }

    /**
     * The entity's headline, or its {@code name} when the two differ and the name is the one that
     * matches the {@code <title>} or neither does: some sites put the article's title in one and a
     * label in the other (Wikipedia's headline "Wikimedia list article"). Readability decides so.
     */
    static String entityHeadline(Map<String, Object> entity, String titleTag) {
        String headline = JsonLd.entityText(entity, "headline");
        String name = JsonLd.entityText(entity, "name");
        if (headline == null || name == null || headline.equals(name)) {
            return headline;
        }
        boolean headlineMatches = titleTag != null && coverage(headline, titleTag) > 0.75;
        boolean nameMatches = titleTag != null && coverage(name, titleTag) > 0.75;
        return headlineMatches && !nameMatches ? headline : name;
    }

    /**
     * How much of {@code text}'s words (by characters) also appear in {@code candidate}: 1 when all
     * do, 0 when none do.
     */
    static double coverage(String candidate, String text) {
        Set<String> known = new java.util.HashSet<>();
        for (String w : candidate.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!w.isEmpty()) {
                known.add(w);
            }
        }
        int all = -1;
        int unknown = -1;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (w.isEmpty()) {
                continue;
            }
            all += w.length() + 1;
            if (!known.contains(w)) {
                unknown += w.length() + 1;
            }
        }
        if (all <= 0) {
            return 0;
        }
        return 1 - (double) Math.max(0, unknown) / all;
    }

    static boolean sharesWord(String a, String b) {
        Set<String> words = new java.util.HashSet<>();
        for (String w : a.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        for (String w : b.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && words.contains(w)) {
                return true;
            }
        }
        return words.isEmpty();
    }

    /**
     * Cuts " | Site" / " - Site" / "Site: " from a title when that part names the site, as shown by
     * the page's own site name or host.
     */
    static String trimSiteName(String title, String siteName, String url) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String host = SiteKey.of(url).orElse("");
        int dot = host.indexOf('.');
        String hostLabel = dot > 0 ? host.substring(0, dot) : host;
        var sep = TITLE_SEPARATOR.matcher(title);
        List<int[]> seps = new ArrayList<>();
        while (sep.find()) {
            seps.add(new int[] {sep.start(), sep.end()});
        }
        String last = title.substring(seps.get(seps.size() - 1)[1]);
        if (namesSite(last, siteName, hostLabel)) {
            String rest = title.substring(0, seps.get(seps.size() - 1)[0]).strip();
            return rest.isEmpty() ? title : trimSiteName(rest, siteName, url);
        }
        String first = title.substring(0, seps.get(0)[0]);
        // a leading part must name the site exactly: "Site Blog @ Site :: Portal" style titles
        // put the article first and merely mention the site in it
        if (MetaText.simplify(first).equals(MetaText.simplify(siteName == null ? "" : siteName))
                || MetaText.simplify(first).equals(MetaText.simplify(hostLabel))) {
            String rest = title.substring(seps.get(0)[1]).strip();
            return rest.isEmpty() ? title : rest;
        }
        return title;
    }

    static boolean namesSite(String part, String siteName, String hostLabel) {
        String p = MetaText.simplify(part);
        if (p.isEmpty()) {
            return false;
        }
        if (siteName != null) {
            String sn = MetaText.simplify(siteName);
            if (!sn.isEmpty()
                    && (p.equals(sn)
                            || (p.length() >= 4 && sn.contains(p))
                            || (sn.length() >= 4
                                    && p.contains(sn)
                                    && p.length() <= sn.length() + 12))) {
                return true;
            }
        }
        return hostLabel.length() >= 3
                && (p.equals(MetaText.simplify(hostLabel))
                        || (p.startsWith(MetaText.simplify(hostLabel))
                                && p.length() <= hostLabel.length() + 8));
    }

    /**
     * The first or last segment of a {@code <title>} like "Article | Startup Grind" when it spells
     * the site's host name ({@code startupgrind.com}), or most of it ("LeanData" on {@code
     * leandatainc.com}): the page's own proof that the segment is the site's name.
     */
    static String siteNameInTitle(String title, String url) {
        String host = SiteKey.of(url).orElse("");
        int dot = host.indexOf('.');
        String label = MetaText.simplify(dot > 0 ? host.substring(0, dot) : host);
        if (label.length() < 3) {
            return null;
        }
        var sep = TITLE_SEPARATOR.matcher(title);
        int firstStart = -1;
        int lastEnd = -1;
        while (sep.find()) {
            if (firstStart < 0) {
                firstStart = sep.start();
            }
            lastEnd = sep.end();
        }
        if (firstStart < 0) {
            return null;
        }
        for (String part :
                new String[] {title.substring(lastEnd), title.substring(0, firstStart)}) {
            String p = MetaText.simplify(part);
            if (p.equals(label)
                    || (p.length() >= 4
                            && label.startsWith(p)
                            && p.length() * 10 >= label.length() * 7)) {
                return part.strip();
            }
        }
        return null;
    }
}
