package dev.linkcrawl.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the pauses asked for instead of taking them. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> pauses = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
    }
}
