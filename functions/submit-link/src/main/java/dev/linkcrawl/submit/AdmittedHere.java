package dev.linkcrawl.submit;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links this function instance admitted per owner and UTC day, counted or not. While the shared
 * counts cannot be reached a link goes through uncounted, and a flood is exactly what slows them:
 * so an owner who already saved a day's limit through this instance is refused here too. One
 * instance (as in {@code ./linkcrawl dev}) then holds the limit exactly; on Lambda, where each
 * instance keeps its own tally, an owner gets at most a day's limit per instance while the counts
 * are down, where it would otherwise have no limit at all.
 */
final class AdmittedHere {

    /** More owners than this at once are forgotten wholesale: memory stays bounded. */
    static final int MOST_REMEMBERED = 10_000;

    private record Tally(LocalDate day, int links) {}

    private final Map<String, Tally> byOwner = new ConcurrentHashMap<>();

    /** One more link of {@code owner} admitted on {@code day}. */
    void admitted(String owner, LocalDate day) {
        if (byOwner.size() >= MOST_REMEMBERED) {
            byOwner.clear();
        }
        byOwner.merge(
                Objects.requireNonNull(owner, "owner"),
                new Tally(Objects.requireNonNull(day, "day"), 1),
                (before, one) ->
                        before.day().equals(day) ? new Tally(day, before.links() + 1) : one);
    }

    /** Links of {@code owner} this instance admitted on {@code day}. */
    int links(String owner, LocalDate day) {
        Tally tally = byOwner.get(owner);
        return tally == null || !tally.day().equals(day) ? 0 : tally.links();
    }
}
