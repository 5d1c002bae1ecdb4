package dev.linkcrawl.crawl.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dates that pages publish in their metadata: ISO-8601 with or without zone or seconds,
 * RFC 1123, US and European month-name forms ("July 14, 2017 8:28 PM EDT", "14 juillet 2017"),
 * slashed and dotted numeric dates, compact {@code 20170714} and Unix epoch seconds or
 * milliseconds.
 *
 * <p>A date without a zone is read as UTC; a date without a time as midnight UTC. Years outside
 * 1990–2100 are refused, because a "date" that far out is almost always a misread number.
 */
public final class DateText {

    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;
    private static final int MAX_INPUT = 200;

    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES =
            Map.ofEntries(
                    Map.entry("utc", 0),
                    Map.entry("gmt", 0),
                    Map.entry("z", 0),
                    Map.entry("est", -5 * 60),
                    Map.entry("edt", -4 * 60),
                    Map.entry("cst", -6 * 60),
                    Map.entry("cdt", -5 * 60),
                    Map.entry("mst", -7 * 60),
                    Map.entry("mdt", -6 * 60),
                    Map.entry("pst", -8 * 60),
                    Map.entry("pdt", -7 * 60),
                    Map.entry("bst", 60),
                    Map.entry("cet", 60),
                    Map.entry("cest", 120),
                    Map.entry("eet", 120),
                    Map.entry("eest", 180),
                    Map.entry("ist", 330),
                    Map.entry("jst", 540),
                    Map.entry("aest", 600),
                    Map.entry("aedt", 660));

    private DateText() {}

    private static Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january", "janvier", "januar", "enero", "gennaio", "janeiro", "jänner"},
            {
                "feb",
                "february",
                "fevrier",
                "février",
                "februar",
                "febrero",
                "febbraio",
                "fevereiro"
            },
            {"mar", "march", "mars", "märz", "marz", "marzo", "março"},
            {"apr", "april", "avril", "abril", "aprile"},
            {"may", "mai", "mayo", "maggio", "maio"},
            {"jun", "june", "juin", "juni", "junio", "giugno", "junho"},
            {"jul", "july", "juillet", "juli", "julio", "luglio", "julho"},
            {"aug", "august", "aout", "août", "agosto"},
            {"sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro"},
            {"oct", "october", "octobre", "oktober", "octubre", "ottobre", "outubro"},
            {"nov", "november", "novembre", "noviembre", "novembro"},
            {
                "dec",
                "december",
                "decembre",
                "décembre",
                "dezember",
                "diciembre",
                "dicembre",
                "dezembro"
            }
        };
        Map<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                map.put(n, i + 1);
            }
        }
        return Map.copyOf(map);
    }

    /** Returns the instant the text names, or empty when it names none with confidence. */
    public static Optional<Instant> parse(String raw) {
        return parseDateTime(raw).map(OffsetDateTime::toInstant);
    }

    /**
     * Returns the date and time the text names at the offset it is written in (UTC when it names
     * none), so its day is the day the page shows; empty when it names none with confidence.
     */
    public static Optional<OffsetDateTime> parseDateTime(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        // every date read here is written with digits (a year at least): most texts asked have none
        if (s.isEmpty() || s.length() > MAX_INPUT || !hasDigit(s)) {
            return Optional.empty();
        }
        try {
            Optional<OffsetDateTime> epoch = epoch(s);
            if (epoch.isPresent()) {
                return epoch;
            }
            return new Scan(s).dateTime();
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static Optional<OffsetDateTime> epoch(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        if (s.length() == 8) {
            return fromParts(
                    Integer.parseInt(s.substring(0, 4)),
                    Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)),
                    LocalTime.MIDNIGHT,
                    0);
        }
        if (s.length() == 10 || s.length() == 13) {
            long v = Long.parseLong(s);
            Instant i = s.length() == 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
            return plausible(i);
        }
        return Optional.empty();
    }

    private static Optional<OffsetDateTime> plausible(Instant i) {
        OffsetDateTime t = i.atOffset(ZoneOffset.UTC);
        return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR
                ? Optional.of(t)
                : Optional.empty();
    }

    private static Optional<OffsetDateTime> fromParts(
            int year, int month, int day, LocalTime time, int offsetMinutes) {
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) {
            return Optional.empty();
        }
        LocalDateTime ldt = LocalDateTime.of(LocalDate.of(year, month, day), time);
        return Optional.of(OffsetDateTime.of(ldt, ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
    }

    /** A single left-to-right scan collecting numbers, month names, time and zone. */
    private static final class Scan {
        private final String s;
        private int pos;
        private final int[] numbers = new int[3];
        private final int[] widths = new int[3];
        private int count;
        private int month = -1;
        private int hour = -1;
        private int minute;
        private int second;
        private int nanos;
        private Integer offset;
        private boolean pm;
        private boolean am;

        Scan(String s) {
            this.s = s.toLowerCase(Locale.ROOT);
        }

        Optional<OffsetDateTime> dateTime() {
            int n = s.length();
            while (pos < n) {
                char c = s.charAt(pos);
                if (isDigit(c)) {
                    number();
                } else if (Character.isLetter(c)) {
                    word();
                } else if ((c == '+' || c == '-' || c == '−') && hour >= 0 && offset == null) {
                    zoneOffset();
                } else {
                    pos++;
                }
            }
            return assemble();
        }

        private void number() {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && s.charAt(pos) == ':' && hour < 0 && digits.length() <= 2) {
                time(Integer.parseInt(digits));
                return;
            }
            if (digits.length() > 4) {
                return;
            }
            // ordinal suffixes: 1st, 2nd, 3rd, 4th
            if (pos + 1 < s.length()) {
                String suffix = s.substring(pos, Math.min(s.length(), pos + 2));
                if (suffix.equals("st")
                        || suffix.equals("nd")
                        || suffix.equals("rd")
                        || suffix.equals("th")) {
                    pos += 2;
                }
            }
            if (count < 3) {
                numbers[count] = Integer.parseInt(digits);
                widths[count] = digits.length();
                count++;
            }
        }

        private void time(int h) {
            hour = h;
            pos++; // ':'
            minute = twoDigits();
            if (pos < s.length() && s.charAt(pos) == ':') {
                pos++;
                second = twoDigits();
                if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
                    pos++;
                    int start = pos;
                    while (pos < s.length() && isDigit(s.charAt(pos))) {
                        pos++;
                    }
                    String frac = s.substring(start, Math.min(pos, start + 9));
                    if (!frac.isEmpty()) {
                        nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
                    }
                }
            }
            if (pos < s.length() && s.charAt(pos) == 'z') {
                offset = 0;
                pos++;
            }
        }

        private int twoDigits() {
            int start = pos;
            while (pos < s.length() && pos - start < 2 && isDigit(s.charAt(pos))) {
                pos++;
            }
            return start == pos ? 0 : Integer.parseInt(s.substring(start, pos));
        }

        private void zoneOffset() {
            int sign = s.charAt(pos) == '+' ? 1 : -1;
            pos++;
            int start = pos;
            while (pos < s.length() && (isDigit(s.charAt(pos)) || s.charAt(pos) == ':')) {
                pos++;
            }
            String d = s.substring(start, pos).replace(":", "");
            if (d.length() == 4) {
                offset =
                        sign
                                * (Integer.parseInt(d.substring(0, 2)) * 60
                                        + Integer.parseInt(d.substring(2)));
            } else if (d.length() == 2 || d.length() == 1) {
                offset = sign * Integer.parseInt(d) * 60;
            }
        }

        private void word() {
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String w = s.substring(start, pos);
            if (w.equals("t") && pos < s.length() && isDigit(s.charAt(pos))) {
                return;
            }
            Integer m = MONTHS.get(w);
            if (m == null && w.length() > 3) {
                m = MONTHS.get(w.substring(0, 3));
                if (m != null && !isMonthPrefix(w)) {
                    m = null;
                }
            }
            if (m != null && month < 0) {
                month = m;
                return;
            }
            if (w.equals("pm") || w.equals("p")) {
                pm = true;
            } else if (w.equals("am") || w.equals("a")) {
                am = true;
            } else if (hour >= 0 && offset == null && ZONES.containsKey(w)) {
                offset = ZONES.get(w);
            } else if ((w.equals("gmt") || w.equals("utc")) && offset == null) {
                offset = 0;
            }
        }

        private static boolean isMonthPrefix(String w) {
            // "sept", "juil." style abbreviations of a known month name
            for (String name : MONTHS.keySet()) {
                if (name.startsWith(w)) {
                    return true;
                }
            }
            return false;
        }

        private Optional<OffsetDateTime> assemble() {
            int year;
            int mon;
            int day;
            if (month > 0) {
                if (count < 2) {
                    return Optional.empty();
                }
                int yi = widths[0] == 4 ? 0 : widths[1] == 4 ? 1 : -1;
                if (yi < 0) {
                    return Optional.empty();
                }
                year = numbers[yi];
                day = numbers[yi == 0 ? 1 : 0];
                mon = month;
            } else {
                if (count < 3) {
                    return Optional.empty();
                }
                if (widths[0] == 4) {
                    year = numbers[0];
                    mon = numbers[1];
                    day = numbers[2];
                } else if (widths[2] == 4) {
                    year = numbers[2];
                    // 14/07/2017 is unambiguous; 07/14/2017 is read US-style; 05/06/2017 is US.
                    if (numbers[0] > 12) {
                        day = numbers[0];
                        mon = numbers[1];
                    } else {
                        mon = numbers[0];
                        day = numbers[1];
                    }
                } else {
                    return Optional.empty();
                }
            }
            LocalTime time = LocalTime.MIDNIGHT;
            if (hour >= 0) {
                int h = hour;
                if (pm && h < 12) {
                    h += 12;
                } else if (am && h == 12) {
                    h = 0;
                }
                if (h > 23 || minute > 59 || second > 59) {
                    return Optional.empty();
                }
                time = LocalTime.of(h, minute, second, nanos);
            }
            return fromParts(year, mon, day, time, offset == null ? 0 : offset);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
