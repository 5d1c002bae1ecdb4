package dev.linkcrawl.submit;

import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links one owner may save through the API per UTC day ({@code LINKS_PER_OWNER_PER_DAY}). When
 * the counts cannot be reached the link is accepted: the limit protects other owners from a flood,
 * and refusing every save while the index is down would hurt them more. After the counts failed,
 * saves go uncounted without asking for {@link SubmitLink#INDEX_PAUSE}, so a slow index never makes
 * every save wait out its timeout. An owner who already saved a day's limit through this instance,
 * counted or not, is refused whatever the counts say ({@link AdmittedHere}): a flood slows the
 * counts, and must not pass the limit by doing so.
 *
 * <p>An owner saving links in a row (each within {@link #ROW} of the last) has them counted ahead,
 * twice as many at each ask up to {@link #MOST_AHEAD}, and spends them here without asking: a
 * thousand saves in a minute cost the shared counts about seventy updates instead of a thousand,
 * all on one document, where they queued behind each other and behind every other owner's writes.
 * Links counted ahead and not saved by the end of the day are lost to their owner: at most {@code
 * MOST_AHEAD - 1} per function instance, and only for an owner who saved in a row.
 */
final class DailyLinks {

    /** No limit. */
    static final DailyLinks UNLIMITED = new DailyLinks(Optional.empty(), 0);

    private final Optional<OwnerQuotas> quotas;
    private final int perDay;
    private final FailurePause pause = new FailurePause(SubmitLink.INDEX_PAUSE);
    private final AdmittedHere admittedHere = new AdmittedHere();
    private final Map<String, Ahead> ahead = new ConcurrentHashMap<>();

    /** The most links counted ahead in one ask: 16. */
    static final int MOST_AHEAD = 16;

    /** Saves of one owner closer together than this are a row: 10 seconds. */
    static final Duration ROW = Duration.ofSeconds(10);

    /**
     * Links of an owner counted ahead on {@code day} and not yet saved ({@code left}), the size of
     * the last ask, and when the owner last saved.
     */
    private record Ahead(LocalDate day, int left, int lastAsk, Instant lastSave) {}

    /**
     * @param perDay links per owner per UTC day; 0 for no limit
     */
    DailyLinks(Optional<OwnerQuotas> quotas, int perDay) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        if (perDay < 0) {
            throw new IllegalArgumentException("perDay cannot be negative");
        }
        this.perDay = perDay;
    }

    /** Whether today's limit is reached, with the wait until it is not. */
    sealed interface Admission {
        record Counted() implements Admission {}

        /** Counted without a limit, or accepted while the counts could not be reached. */
        record Uncounted(Optional<String> why) implements Admission {}

        record Reached(int perDay, Duration retryAfter) implements Admission {}
    }

    int perDay() {
        return perDay;
    }

    /** Counts one link of {@code owner} at {@code now}. */
    Admission admit(String owner, Instant now) {
        if (quotas.isEmpty() || perDay == 0) {
            return new Admission.Uncounted(Optional.empty());
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Links let through uncounted never reached the shared count, so the count alone would let
        // the owner go on past the limit once it answers again.
        if (admittedHere.links(owner, today) >= perDay) {
            return reached(today, now);
        }
        Admission admission = count(owner, today, now);
        if (!(admission instanceof Admission.Reached)) {
            admittedHere.admitted(owner, today);
        }
        return admission;
    }

    private Admission count(String owner, LocalDate today, Instant now) {
        if (spentAhead(owner, today, now)) {
            return new Admission.Counted();
        }
        if (pause.paused(now)) {
            return new Admission.Uncounted(Optional.of("the daily counts: " + pause.why()));
        }
        Ahead before = ahead.get(owner);
        int wanted =
                before != null
                                && before.day().equals(today)
                                && before.lastSave().plus(ROW).isAfter(now)
                        ? Math.min(before.lastAsk() * 2, MOST_AHEAD)
                        : 1;
        int counted;
        try {
            counted = quotas.get().countLinks(TenantKey.of(owner), today, perDay, wanted);
        } catch (QuotaUnavailableException e) {
            pause.failed(now);
            return new Admission.Uncounted(Optional.of(e.getMessage()));
        }
        if (counted == 0) {
            return reached(today, now);
        }
        if (ahead.size() >= AdmittedHere.MOST_REMEMBERED) {
            ahead.clear();
        }
        ahead.merge(
                owner,
                new Ahead(today, counted - 1, wanted, now),
                (held, asked) ->
                        held.day().equals(today)
                                ? new Ahead(today, held.left() + asked.left(), wanted, now)
                                : asked);
        return new Admission.Counted();
    }

    /** Takes one of the owner's links counted ahead for today, if one is left. */
    private boolean spentAhead(String owner, LocalDate today, Instant now) {
        boolean[] spent = {false};
        ahead.computeIfPresent(
                owner,
                (key, held) -> {
                    if (!held.day().equals(today) || held.left() == 0) {
                        return held;
                    }
                    spent[0] = true;
                    return new Ahead(today, held.left() - 1, held.lastAsk(), now);
                });
        return spent[0];
    }

    private Admission reached(LocalDate today, Instant now) {
        Instant tomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Admission.Reached(perDay, Duration.between(now, tomorrow));
    }
}
