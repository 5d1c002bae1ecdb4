package dev.linkcrawl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.link.TenantKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

        assertThat(quotas().countLink(tenant, DAY, 2)).isTrue();
        assertThat(quotas().countLink(tenant, DAY, 2)).isTrue();
        assertThat(quotas().countLink(tenant, DAY, 2)).isFalse();
    }

    @Test
    void aNewDayStartsTheCountAgain() {
        TenantKey tenant = freshTenant();
        quotas().countLink(tenant, DAY, 1);

        assertThat(quotas().countLink(tenant, DAY, 1)).isFalse();
        assertThat(quotas().countLink(tenant, DAY.plusDays(1), 1)).isTrue();
    }

    @Test
    void ownersAreCountedApart() {
        TenantKey alice = freshTenant();
        TenantKey bob = freshTenant();
        quotas().countLink(alice, DAY, 1);

        assertThat(quotas().countLink(bob, DAY, 1)).isTrue();
    }

    @Test
    void concurrentCountsNeverPassTheLimit() throws Exception {
        TenantKey tenant = freshTenant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(
                        pool.submit((Callable<Boolean>) () -> quotas().countLink(tenant, DAY, 25)));
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

        assertThat(quotas().hold("crawl:Q", tenant, "m1", 2, NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(quotas().hold("crawl:Q", tenant, "m2", 2, NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(quotas().hold("crawl:Q", tenant, "m3", 2, NOW, NOW.plusSeconds(30))).isFalse();
    }

    @Test
    void aReleasedPlaceCanBeTakenAgain() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30));

        quotas().release("crawl:Q", tenant, "m1");

        assertThat(quotas().hold("crawl:Q", tenant, "m2", 1, NOW, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void aPlaceEndsByItselfAtItsUntilSoACrashCannotKeepIt() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "crashed", 1, NOW, NOW.plusSeconds(30));

        assertThat(
                        quotas().hold(
                                        "crawl:Q",
                                        tenant,
                                        "m2",
                                        1,
                                        NOW.plusSeconds(10),
                                        NOW.plusSeconds(40)))
                .isFalse();
        assertThat(
                        quotas().hold(
                                        "crawl:Q",
                                        tenant,
                                        "m2",
                                        1,
                                        NOW.plusSeconds(31),
                                        NOW.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void holdingAgainRenewsTheHoldersOwnPlace() {
        TenantKey tenant = freshTenant();
        quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30));

        assertThat(
                        quotas().hold(
                                        "crawl:Q",
                                        tenant,
                                        "m1",
                                        1,
                                        NOW.plusSeconds(5),
                                        NOW.plusSeconds(60)))
                .isTrue();
        assertThat(
                        quotas().hold(
                                        "crawl:Q",
                                        tenant,
                                        "m2",
                                        1,
                                        NOW.plusSeconds(45),
                                        NOW.plusSeconds(90)))
                .isFalse();
    }

    @Test
    void poolsAndOwnersHoldPlacesApart() {
        TenantKey alice = freshTenant();
        TenantKey bob = freshTenant();
        quotas().hold("crawl:Q", alice, "m1", 1, NOW, NOW.plusSeconds(30));

        assertThat(quotas().hold("crawl:Q", bob, "m2", 1, NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(quotas().hold("imports", alice, "i1", 1, NOW, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void releasingWhatIsNotHeldChangesNothing() {
        TenantKey tenant = freshTenant();

        quotas().release("crawl:Q", tenant, "never-held");

        assertThat(quotas().hold("crawl:Q", tenant, "m1", 1, NOW, NOW.plusSeconds(30))).isTrue();
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
                                                quotas().hold(
                                                                "crawl:Q",
                                                                tenant,
                                                                holder,
                                                                10,
                                                                NOW,
                                                                NOW.plusSeconds(30))));
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
