package dev.linkcrawl.local.s3;

import java.time.Clock;
import java.util.Objects;

/**
 * S3's {@code sequencer}: a hexadecimal string that grows with each event, so that of two events on
 * the same key the later one has the greater value. Here it counts microseconds since the epoch,
 * bumped by one where two events fall in the same microsecond, as 18 upper-case hex digits like
 * S3's ({@code 0065645A9B0C6F1E2A}).
 */
public final class Sequencer {

    private final Clock clock;
    private long last;

    public Sequencer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The next value, greater than every one before. */
    public synchronized String next() {
        java.time.Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        last = Math.max(last + 1, micros);
        return String.format("%018X", last);
    }
}
