package dev.linkcrawl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OwnerQuotas} does, run against OpenSearch ({@code OpenSearchOwnerQuotasIT}) and
 * the in-memory fake ({@code InMemoryOwnerQuotasTest}) so the fake cannot drift.
 */
abstract class OwnerQuotasContract {

    private static final LocalDate DAY = LocalDate.parse("2026-12-06");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    abstract OwnerQuotas quotas();

    /** A tenant no other test touches. */
    private static TenantKey freshTenant() {
        return TenantKey.of("owner-" + UUID.randomUUID());
    }

    @Test
    void countsLinksUpToTheDailyLimitThenRefuses() {
        TenantKey tenant = freshTenant();

        assertThat(quotas().countLinks(tenant, DAY, 2, 1)).isEqualTo(1);
        assertThat(quotas().countLinks(tenant, DAY, 2, 1)).isEqualTo(1);
        assertThat(quotas().countLinks(tenant, DAY, 2, 1)).isZero();
    }

    @Test
    void countsSeveralLinksAtOnceUpToWhatTheLimitLeaves() {
        TenantKey tenant = freshTenant();

        assertThat(quotas().countLinks(tenant, DAY, 10, 4)).isEqualTo(4);
        assertThat(quotas().countLinks(tenant, DAY, 10, 8)).isEqualTo(6);
        assertThat(quotas().countLinks(tenant, DAY, 10, 1)).isZero();
    }

    @Test
    void aNewDayStartsTheCountAgain() {
        TenantKey tenant = freshTenant();
        quotas().countLinks(tenant, DAY, 1, 1);

        assertThat(quotas().countLinks(tenant, DAY, 1, 1)).isZero();
        assertThat(quotas().countLinks(tenant, DAY.plusDays(1), 1, 1)).isEqualTo(1);
    }

    @Test
    void ownersAreCountedApart() {
        TenantKey alice = freshTenant();
        TenantKey bob = freshTenant();
        quotas().countLinks(alice, DAY, 1, 1);

        assertThat(quotas().countLinks(bob, DAY, 1, 1)).isEqualTo(1);
    }

    @Test
    void concurrentCountsNeverPassTheLimit() throws Exception {
        TenantKey tenant = freshTenant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(
                        pool.submit(
                                (Callable<Boolean>)
                                        () -> quotas().countLinks(tenant, DAY, 25, 1) == 1));
            }
            int counted = 0;
            for (Future<Boolean> answer : answers) {
                counted += answer.get() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void holdsPlacesUpToTheLimit() {
        TenantKey tenant = freshTenant();

        assertThat(held(quotas().hold("crawl:Q", tenant, "m1", 2, NOW, NOW.plusSeconds(30))))
                .isTrue();
        assertThat(held(quotas().hold("crawl:Q", tenant, "m2", 2, NOW, NOW.plusSeconds(30))))
                .isTrue();
        assertThat(held(quotas().hold("crawl:Q", tenant, "m3", 2, NOW, NOW.plusSeconds(30))))
                .isFalse();
    }

    @Test
    void aReleasedPlaceCanBeTakenAgain() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30));

        quotas().release("crawl:Q", tenant, "m1", Optional.empty());

        assertThat(held(quotas().hold("crawl:Q", tenant, "m2", 1, NOW, NOW.plusSeconds(30))))
                .isTrue();
    }

    @Test
    void aPlaceEndsByItselfAtItsUntilSoACrashCannotKeepIt() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "crashed", 1, NOW, NOW.plusSeconds(30));

        assertThat(
                        held(
                                quotas().hold(
                                                "crawl:Q",
                                                tenant,
                                                "m2",
                                                1,
                                                NOW.plusSeconds(10),
                                                NOW.plusSeconds(40))))
                .isFalse();
        assertThat(
                        held(
                                quotas().hold(
                                                "crawl:Q",
                                                tenant,
                                                "m2",
                                                1,
                                                NOW.plusSeconds(31),
                                                NOW.plusSeconds(60))))
                .isTrue();
    }

    @Test
    void holdingAgainRenewsTheHoldersOwnPlace() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30));

        assertThat(
                        held(
                                quotas().hold(
                                                "crawl:Q",
                                                tenant,
                                                "m1",
                                                1,
                                                NOW.plusSeconds(5),
                                                NOW.plusSeconds(60))))
                .isTrue();
        assertThat(
                        held(
                                quotas().hold(
                                                "crawl:Q",
                                                tenant,
                                                "m2",
                                                1,
                                                NOW.plusSeconds(45),
                                                NOW.plusSeconds(90))))
                .isFalse();
    }

    @Test
    void poolsAndOwnersHoldPlacesApart() {
        TenantKey alice = freshTenant();
        TenantKey bob = freshTenant();
        quotas().hold("crawl:Q", alice, "m1", 1, NOW, NOW.plusSeconds(30));

        assertThat(held(quotas().hold("crawl:Q", bob, "m2", 1, NOW, NOW.plusSeconds(30)))).isTrue();
        assertThat(held(quotas().hold("imports", alice, "i1", 1, NOW, NOW.plusSeconds(30))))
                .isTrue();
    }

    @Test
    void aFullPoolSpacesTheOwnersTurnsByTheTypicalHoldOverTheLimit() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 2, NOW, NOW.plusSeconds(30));
        quotas().hold("crawl:Q", tenant, "m2", 2, NOW, NOW.plusSeconds(30));

        OwnerQuotas.Place first =
                quotas().hold("crawl:Q", tenant, "m3", 2, NOW, NOW.plusSeconds(30));
        OwnerQuotas.Place second =
                quotas().hold("crawl:Q", tenant, "m4", 2, NOW, NOW.plusSeconds(30));

        Duration spacing = OwnerQuotas.DEFAULT_TYPICAL_HOLD.dividedBy(2);
        assertThat(first).isEqualTo(new OwnerQuotas.Place.Full(NOW, 1, spacing));
        assertThat(second).isEqualTo(new OwnerQuotas.Place.Full(NOW.plus(spacing), 1, spacing));
    }

    @Test
    void aFullPoolReservesTheTurnsAskedFor() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 2, NOW, NOW.plusSeconds(30));
        quotas().hold("crawl:Q", tenant, "m2", 2, NOW, NOW.plusSeconds(30));

        OwnerQuotas.Place block =
                quotas().hold("crawl:Q", tenant, "m3", 2, NOW, NOW.plusSeconds(30), 4);
        OwnerQuotas.Place after =
                quotas().hold("crawl:Q", tenant, "m7", 2, NOW, NOW.plusSeconds(30));

        Duration spacing = OwnerQuotas.DEFAULT_TYPICAL_HOLD.dividedBy(2);
        assertThat(block).isEqualTo(new OwnerQuotas.Place.Full(NOW, 4, spacing));
        assertThat(after)
                .isEqualTo(
                        new OwnerQuotas.Place.Full(NOW.plus(spacing.multipliedBy(4)), 1, spacing));
    }

    @Test
    void releasedHoldsTeachThePoolTheOwnersTypicalHold() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30));
        quotas().release("crawl:Q", tenant, "m1", Optional.of(Duration.ofSeconds(10)));
        quotas().hold("crawl:Q", tenant, "m2", 1, NOW, NOW.plusSeconds(30));

        quotas().hold("crawl:Q", tenant, "m3", 1, NOW, NOW.plusSeconds(30));
        OwnerQuotas.Place next =
                quotas().hold("crawl:Q", tenant, "m4", 1, NOW, NOW.plusSeconds(30));

        assertThat(next)
                .isEqualTo(
                        new OwnerQuotas.Place.Full(NOW.plusSeconds(10), 1, Duration.ofSeconds(10)));
    }

    @Test
    void turnsNeverStartInThePast() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(300));
        quotas().hold("crawl:Q", tenant, "m2", 1, NOW, NOW.plusSeconds(300));

        Instant later = NOW.plusSeconds(60);

        assertThat(quotas().hold("crawl:Q", tenant, "m3", 1, later, later.plusSeconds(30)))
                .isEqualTo(new OwnerQuotas.Place.Full(later, 1, OwnerQuotas.DEFAULT_TYPICAL_HOLD));
    }

    private static boolean held(OwnerQuotas.Place place) {
        return place instanceof OwnerQuotas.Place.Held;
    }

    @Test
    void releasingWhatIsNotHeldChangesNothing() {
        TenantKey tenant = freshTenant();

        quotas().release("crawl:Q", tenant, "never-held", Optional.empty());

        assertThat(held(quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30))))
                .isTrue();
    }

    @Test
    void concurrentHoldsNeverPassTheLimit() throws Exception {
        TenantKey tenant = freshTenant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String holder = "m" + i;
                answers.add(
                        pool.submit(
                                (Callable<Boolean>)
                                        () ->
                                                held(
                                                        quotas().hold(
                                                                        "crawl:Q",
                                                                        tenant,
                                                                        holder,
                                                                        10,
                                                                        NOW,
                                                                        NOW.plusSeconds(30)))));
            }
            int held = 0;
            for (Future<Boolean> answer : answers) {
                held += answer.get() ? 1 : 0;
            }
            assertThat(held).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
