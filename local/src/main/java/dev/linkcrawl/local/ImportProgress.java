package dev.linkcrawl.local;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The progress line {@code ./linkcrawl import} redraws on a terminal while it waits:
 *
 * <pre>{@code
 * [##########..........]  1,204 of ~2,000 links queued  3.1 s  BackfillLinksFunction running
 * }</pre>
 *
 * The count is the growth of the backfill queue since the upload (crawls that finish meanwhile make
 * it a little low); the total is an estimate from the file ({@link #estimateLinks}), so the bar
 * never shows full until the result is there.
 */
final class ImportProgress {

    /** Width of the bar in characters: 20. */
    static final int BAR_WIDTH = 20;

    private ImportProgress() {}

    /**
     * One line (no line break).
     *
     * @param queued links queued so far, if the queue can be read
     * @param estimate the estimated number of links in the file, if any
     * @param status what is happening, such as {@code BackfillLinksFunction running}
     */
    static String line(
            OptionalLong queued, OptionalLong estimate, Duration elapsed, String status) {
        StringBuilder line = new StringBuilder();
        double fraction =
                queued.isPresent() && estimate.isPresent() && estimate.getAsLong() > 0
                        ? Math.min(0.99, (double) queued.getAsLong() / estimate.getAsLong())
                        : 0;
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        line.append('[')
                .append("#".repeat(filled))
                .append(".".repeat(BAR_WIDTH - filled))
                .append("]  ");
        if (queued.isPresent()) {
            line.append(String.format("%,d", queued.getAsLong()));
            if (estimate.isPresent()) {
                line.append(String.format(" of ~%,d", estimate.getAsLong()));
            }
            line.append(" links queued  ");
        }
        line.append(String.format("%.1f s  ", elapsed.toMillis() / 1000.0)).append(status);
        return line.toString();
    }

    /**
     * Roughly how many links a bookmark file holds: how many times {@code http://} or {@code
     * https://} occurs in it (case-insensitive). Every format spells its links that way; a URL
     * inside a note counts too, so this is an estimate for the bar, never a count to report.
     */
    static long estimateLinks(java.io.InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        StringBuilder tail = new StringBuilder(9);
        long found = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                char c = Character.toLowerCase((char) (buffer[i] & 0xff));
                tail.append(c);
                if (tail.length() > 8) {
                    tail.deleteCharAt(0);
                }
                if (c == '/' && (endsWith(tail, "http://") || endsWith(tail, "https://"))) {
                    found++;
                }
            }
        }
        return found;
    }

    private static boolean endsWith(StringBuilder text, String suffix) {
        int from = text.length() - suffix.length();
        return from >= 0 && text.indexOf(suffix, from) == from;
    }
}
