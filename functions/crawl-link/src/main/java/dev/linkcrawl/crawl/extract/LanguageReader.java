package dev.linkcrawl.crawl.extract;

import java.util.Locale;
import java.util.Map;

/** The language as an ISO 639-1 code: {@code <html lang>}, meta tags, og:locale, JSON-LD. */
final class LanguageReader {

    private LanguageReader() {}

    static String lang(PageSignals s, Map<String, Object> entity) {
        for (String raw :
                new String[] {
                    s.htmlLang,
                    s.firstMeta("content-language", "language", "dc.language"),
                    s.firstMeta("og:locale"),
                    JsonLd.entityText(entity, "inLanguage")
                }) {
            String code = iso639(raw);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The ISO 639-1 code of a language tag like "en-US", "pt_BR" or "de", else null. */
    static String iso639(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int comma = t.indexOf(',');
        if (comma > 0) {
            t = t.substring(0, comma).strip();
        }
        int cut = 0;
        while (cut < t.length() && t.charAt(cut) >= 'a' && t.charAt(cut) <= 'z') {
            cut++;
        }
        if (cut != 2 || (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_')) {
            return null;
        }
        String code = t.substring(0, 2);
        return switch (code) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> code;
        };
    }
}
