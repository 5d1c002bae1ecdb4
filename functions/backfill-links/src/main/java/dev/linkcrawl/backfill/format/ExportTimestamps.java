package dev.linkcrawl.backfill.format;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The dates exports write: Unix epoch numbers (Netscape {@code ADD_DATE}) and ISO-8601 (Pinboard).
 */
final class ExportTimestamps {

    /** Above this an epoch value cannot be seconds (year 5138): it is milliseconds. */
    private static final long MAX_SECONDS = 100_000_000_000L;

    /** Above this an epoch value cannot be milliseconds: it is microseconds (Firefox places). */
    private static final long MAX_MILLIS = 100_000_000_000_000L;

    private ExportTimestamps() {}

    /** An epoch value in seconds, milliseconds or microseconds (told apart by size), or null. */
    static Instant fromEpoch(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.matches("\\d+")) {
            return null;
        }
        long number = Long.parseLong(value);
        if (number == 0) {
            return null;
        }
        if (number < MAX_SECONDS) {
            return Instant.ofEpochSecond(number);
        }
        if (number < MAX_MILLIS) {
            return Instant.ofEpochMilli(number);
        }
        return Instant.ofEpochSecond(number / 1_000_000, (number % 1_000_000) * 1_000);
    }

    /** An ISO-8601 instant such as {@code 2014-05-29T06:23:59Z}, or null. */
    static Instant fromIso(String value) {
        if (value == null || value.length() > 64) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
