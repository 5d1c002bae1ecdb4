package dev.linkcrawl.crawl.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the language of a text from its script and its most frequent function words.
 *
 * <p>Scripts decide alone where they are specific (Hangul → ko, kana → ja, Han → zh, Greek, Hebrew,
 * Arabic, Thai, Devanagari); Latin and Cyrillic text is attributed to the language whose stopwords
 * cover most of the words. Only the first {@value #MAX_CHARS} characters are read. Returns empty
 * below {@value #MIN_HITS} stopword hits, or when the winner is not clearly ahead: no guess is
 * better than a wrong one.
 */
public final class LanguageGuess {

    static final int MAX_CHARS = 20_000;
    static final int MIN_HITS = 4;

    private static final Map<String, Set<String>> STOPWORDS = new HashMap<>();

    /** Languages in a fixed order, and for each stopword the bit set of languages using it. */
    private static final String[] LANGS;

    private static final Map<String, Integer> WORD_LANGS = new HashMap<>();

    static {
        add(
                "en",
                "the of and to in is that for it was on with as are be this by at from have not or"
                        + " but an they which you his her their has were been would will can more when");
        add(
                "de",
                "der die und den das nicht von sie ist des sich mit dem dass er es ein ich auf"
                        + " eine auch als an nach wie im für man aber aus bei oder wird sind noch wurde");
        add(
                "fr",
                "le la les de des et est un une du en que qui dans pour pas sur au ce il elle"
                        + " avec ne se sont par plus son sa ses aux ont été cette mais comme nous vous");
        add(
                "es",
                "el la de que y en los del se las por un una con no para es al lo como más pero"
                        + " sus le ha este ya o fue esta han también muy entre sobre cuando");
        add(
                "it",
                "il di che la è e un una per non in del della con sono le si da gli dei alla"
                        + " anche come più ma nel sua suo questo delle degli essere stato hanno");
        add(
                "pt",
                "de que o a do da em um para é com não uma os no se na por mais as dos como mas"
                        + " foi ao ele das tem à seu sua ou ser quando muito nos já está também");
        add(
                "nl",
                "de het een en van in is dat op te zijn met voor niet aan er die ook als bij"
                        + " door maar om dan zo nog wel naar kan wordt worden deze hij ze uit");
        add(
                "sv",
                "och i att det som en på är av för med till den har de inte om ett han var men"
                        + " så från vi kan hon jag sig när också efter eller där detta");
        add(
                "da",
                "og i at det er en til på som de med af for ikke der var han den har et kan"
                        + " jeg om vi men også fra efter skal være eller hun blev når sig");
        add(
                "no",
                "og i det at er en som på til for med av har de ikke den var et om jeg kan"
                        + " han men seg fra vi skal også etter eller hun ble når være");
        add(
                "fi",
                "ja on ei se että hän oli ole mutta kun niin kuin myös tai jos ovat vain sekä"
                        + " joka mitä tämä sen hänen olla ovat jo nyt siitä voi kanssa");
        add(
                "pl",
                "i w nie na się z do że to jest o jak a co po tak dla ale od przez jego już"
                        + " tylko czy jej są być może ich także jako był była oraz");
        add(
                "cs",
                "a se na je že v to s z do o jako ale by pro jsou k i jeho tak jen po od už"
                        + " byl byla které který která také nebo jak má když");
        add(
                "ro",
                "și în de la a cu că nu pe o un din se este pentru mai care sunt ca sau lui"
                        + " fost au dar ce acest această după prin foarte");
        add(
                "hu",
                "a az és hogy nem is egy ez meg de van már csak még mint azt volt ki el mert"
                        + " vagy lesz kell fel sem ha pedig nagyon után");
        add(
                "tr",
                "ve bir bu da de için ile çok ne daha olarak gibi en o ama sonra kadar var mı"
                        + " olan değil her ya şey ben bunu olduğu");
        add(
                "ru",
                "и в не на что я с он как а то это по но из у за все она так от его же к для"
                        + " было бы мы только вы уже были или если был также");
        add(
                "uk",
                "і в не на що я з він як а та це по але із у за все вона так від його же до"
                        + " для було б ми тільки ви вже були або якщо був також є");
        add(
                "bg",
                "и в не на че да се с за от по са това като е но той тя как ще бил му във"
                        + " които които които след или при");
        add(
                "id",
                "yang dan di itu dengan untuk tidak ini dari dalam akan pada juga saya ke"
                        + " karena ada mereka oleh bisa atau sudah lebih");
    }

    static {
        LANGS = STOPWORDS.keySet().stream().sorted().toArray(String[]::new);
        for (int i = 0; i < LANGS.length; i++) {
            for (String w : STOPWORDS.get(LANGS[i])) {
                WORD_LANGS.merge(w, 1 << i, (a, b) -> a | b);
            }
        }
    }

    private static void add(String lang, String words) {
        Set<String> set = new HashSet<>();
        for (String w : words.split(" ")) {
            if (!w.isEmpty()) {
                set.add(w);
            }
        }
        STOPWORDS.put(lang, Set.copyOf(set));
    }

    private LanguageGuess() {}

    /** Returns the ISO 639-1 code of the text's language, or empty when unsure. */
    public static Optional<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int end = Math.min(text.length(), MAX_CHARS);
        Optional<String> byScript = byScript(text, end);
        if (byScript.isPresent()) {
            return byScript;
        }
        int[] counts = new int[LANGS.length];
        int words = 0;
        int i = 0;
        while (i < end) {
            while (i < end && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < end && (Character.isLetter(text.charAt(i)))) {
                i++;
            }
            if (i > start) {
                words++;
                if (i - start > 12) {
                    continue;
                }
                Integer langs = WORD_LANGS.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                if (langs != null) {
                    for (int b = 0; b < LANGS.length; b++) {
                        if ((langs & (1 << b)) != 0) {
                            counts[b]++;
                        }
                    }
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (int b = 0; b < LANGS.length; b++) {
            int h = counts[b];
            if (h > bestHits) {
                second = bestHits;
                bestHits = h;
                best = LANGS[b];
            } else if (h > second) {
                second = h;
            }
        }
        if (best == null || bestHits < MIN_HITS || bestHits < words / 20) {
            return Optional.empty();
        }
        if (bestHits < second * 1.15) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    private static Optional<String> byScript(String text, int end) {
        int latin = 0;
        int cyrillic = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int greek = 0;
        int hebrew = 0;
        int arabic = 0;
        int thai = 0;
        int devanagari = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    latin++;
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case ARABIC -> arabic++;
                case THAI -> thai++;
                case DEVANAGARI -> devanagari++;
                default -> {}
            }
        }
        int cjk = han + kana + hangul;
        int other = greek + hebrew + arabic + thai + devanagari;
        // CJK characters carry about a word each, so they weigh more than Latin letters.
        if (cjk * 3 > latin + cyrillic + other) {
            if (hangul > han + kana) {
                return Optional.of("ko");
            }
            if (kana * 10 > han) {
                return Optional.of("ja");
            }
            return Optional.of("zh");
        }
        if (other > latin + cyrillic) {
            int max =
                    Math.max(Math.max(greek, hebrew), Math.max(arabic, Math.max(thai, devanagari)));
            if (max == greek) {
                return Optional.of("el");
            }
            if (max == hebrew) {
                return Optional.of("he");
            }
            if (max == arabic) {
                return Optional.of("ar");
            }
            if (max == thai) {
                return Optional.of("th");
            }
            return Optional.of("hi");
        }
        return Optional.empty();
    }
}
