package dev.linkcrawl.submit;

import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The links one owner may save through the API per UTC day ({@code LINKS_PER_OWNER_PER_DAY}). When
 * the counts cannot be reached the link is accepted: the limit protects other owners from a flood,
 * and refusing every save while the index is down would hurt them more. After the counts failed,
 * saves go uncounted without asking for {@link SubmitLink#INDEX_PAUSE}, so a slow index never makes
 * every save wait out its timeout. An owner who already saved a day's limit through this instance
 * is refused all the same ({@link AdmittedHere}): a flood slows the counts, and must not pass the
 * limit by doing so.
 */
final class DailyLinks {

    /** No limit. */
    static final DailyLinks UNLIMITED = new DailyLinks(Optional.empty(), 0);

    private final Optional<OwnerQuotas> quotas;
    private final int perDay;
    private final FailurePause pause = new FailurePause(SubmitLink.INDEX_PAUSE);
    private final AdmittedHere admittedHere = new AdmittedHere();

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
        Admission admission = count(owner, today, now);
        if (admission instanceof Admission.Uncounted
                && admittedHere.links(owner, today) >= perDay) {
            admission = reached(today, now);
        }
        if (!(admission instanceof Admission.Reached)) {
            admittedHere.admitted(owner, today);
        }
        return admission;
    }

    private Admission count(String owner, LocalDate today, Instant now) {
        if (pause.paused(now)) {
            return new Admission.Uncounted(Optional.of("the daily counts: " + pause.why()));
        }
        try {
            if (quotas.get().countLink(TenantKey.of(owner), today, perDay)) {
                return new Admission.Counted();
            }
        } catch (QuotaUnavailableException e) {
            pause.failed(now);
            return new Admission.Uncounted(Optional.of(e.getMessage()));
        }
        return reached(today, now);
    }

    private Admission reached(LocalDate today, Instant now) {
        Instant tomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Admission.Reached(perDay, Duration.between(now, tomorrow));
    }
}
