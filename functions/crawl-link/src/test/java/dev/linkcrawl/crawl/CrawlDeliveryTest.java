package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.delivery.CrawlQueues;
import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.crawl.delivery.OwnerShare;
import dev.linkcrawl.crawl.delivery.QueueRole;
import dev.linkcrawl.crawl.delivery.QueueUnreachableException;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.crawl.fetch.Preemption;
import dev.linkcrawl.limit.OwnerLimits;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.RetrySchedule;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.testing.InMemoryOwnerQuotas;
import dev.linkcrawl.url.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CrawlDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration PLACE_AFTER = Duration.ofMillis(50);
    private static final String CRAWL_QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:CrawlQueue";
    private static final String HTML =
            "<html><head><title>Fair</title></head><body><p>A page.</p></body></html>";

    private final InMemoryOwnerQuotas quotas = new InMemoryOwnerQuotas();
    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final InMemoryCrawlQueues queues = new InMemoryCrawlQueues();
    private Function<dev.linkcrawl.url.LinkUrl, FetchOutcome> answer =
            url ->
                    new FetchOutcome.Page(
                            url,
                            List.of(),
                            200,
                            "text/html",
                            HTML.length(),
                            false,
                            10,
                            StandardCharsets.UTF_8,
                            HTML);

    /** How long each fetch takes unless preempted: a slow page by default. */
    private Duration fetchTakes = Duration.ofMillis(400);

    private final SlowFetcher fetcher = new SlowFetcher();
    private final CrawlMessage message = CrawlLinkTest.message("https://example.com/fair");

    @Test
    void aFastCrawlNeverTouchesTheCounts() {
        fetchTakes = Duration.ZERO;
        quotas.unavailable(true);

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Crawled.class);
        assertThat(((CrawlDelivery.Verdict.Crawled) verdict).uncounted()).isEmpty();
    }

    @Test
    void aCrawlPastItsOwnersShareIsPutBackForLaterAndAcknowledged() {
        fillPlaces("alice", 2);

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Deferred.class);
        assertThat(verdict.acknowledged()).isTrue();
        assertThat(queues.deferred).hasSize(1);
        assertThat(queues.deferred.getFirst().groupId()).isEqualTo(TenantKey.of("alice").value());
        assertThat(queues.deferred.getFirst().delay()).isEqualTo(CrawlDelivery.LEAST_DEFERRAL);
    }

    @Test
    void anOwnersOverflowIsPacedAtTheRateItsShareDrainsIt() {
        fillPlaces("alice", 2);
        // Alice's crawls take 20 s (tarpits): two places free one turn every 10 s.
        quotas.release(
                "crawl:CrawlQueue",
                TenantKey.of("alice"),
                "done",
                Optional.of(Duration.ofSeconds(20)));

        CrawlDelivery crawls = delivery(2);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(queues.deferred)
                .extracting(InMemoryCrawlQueues.Deferred::delay)
                .containsExactly(
                        CrawlDelivery.LEAST_DEFERRAL,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20));
    }

    @Test
    void aNewMessageOfAFullOwnerTakesATurnItsInstanceReservedWithoutAsking() {
        fillPlaces("alice", 2);
        CrawlDelivery crawls = delivery(2);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30)); // found full: one turn
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30)); // asks for two turns
        int asked = quotas.holds();

        CrawlDelivery.Verdict verdict = crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Deferred.class);
        assertThat(quotas.holds()).isEqualTo(asked);
    }

    @Test
    void aMessageBackAtItsTurnAsksForAPlace() {
        fillPlaces("alice", 2);
        CrawlDelivery crawls = delivery(2);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30)); // two turns, one left
        int asked = quotas.holds();

        crawls.handle(delivery(1, 1), NOW, NOW.plusSeconds(30));

        assertThat(quotas.holds()).isEqualTo(asked + 1);
    }

    @Test
    void anOwnerFoundFullLatelyIsPutBackBeforeItsFetchStarts() {
        fillPlaces("alice", 2);
        CrawlDelivery crawls = delivery(2);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        CrawlDelivery.Verdict verdict = crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Deferred.class);
        assertThat(fetcher.fetched).hasSize(1);
    }

    @Test
    void anOwnerWithRoomAgainIsCrawledInThePlaceItAskedFor() {
        CrawlDelivery crawls = aliceFoundFullThenHerPlacesFreed();
        fetchTakes = Duration.ZERO;

        CrawlDelivery.Verdict verdict = crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Crawled.class);
        assertThat(fetcher.fetched).hasSize(2);
        assertThat(quotas.held("crawl:CrawlQueue", TenantKey.of("alice"), NOW)).isZero();
    }

    @Test
    void anOwnerWithRoomAgainStillAsksBeforeItsNextFetch() {
        CrawlDelivery crawls = aliceFoundFullThenHerPlacesFreed();
        fetchTakes = Duration.ZERO;
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));
        fillPlaces("alice", 2);

        CrawlDelivery.Verdict verdict = crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Deferred.class);
        assertThat(fetcher.fetched).hasSize(2);
    }

    @Test
    void noDeferralIsLongerThanFiveMinutes() {
        aliceFullWithCrawlsOfTwoHours();
        CrawlDelivery crawls = delivery(1);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(queues.deferred.getLast().delay()).isEqualTo(CrawlDelivery.LONGEST_DEFERRAL);
    }

    @Test
    void anOwnerWhoseTurnIsFurtherThanTheLongestDeferralIsPutBackWithoutAsking() {
        aliceFullWithCrawlsOfTwoHours();
        CrawlDelivery crawls = delivery(1);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30)); // turn now, found full
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30)); // next turn in 2 hours
        int asked = quotas.holds();

        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(quotas.holds()).isEqualTo(asked);
        assertThat(queues.deferred.getLast().delay()).isEqualTo(CrawlDelivery.LONGEST_DEFERRAL);
    }

    @Test
    void aCopyTheQueueDidNotTakeLeavesTheOriginalUnacknowledged() {
        fillPlaces("alice", 2);
        queues.unreachable = true;

        assertThat(delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30)).acknowledged())
                .isFalse();
    }

    @Test
    void anotherOwnersCrawlsLeaveThisOwnersShareFree() {
        fillPlaces("bob", 2);

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Crawled.class);
        assertThat(fetcher.fetched).hasSize(1);
    }

    @Test
    void aCrawlHoldsItsOwnersPlaceWhileItRunsAndGivesItBack() {
        List<Integer> heldDuringFetch = new ArrayList<>();
        Function<dev.linkcrawl.url.LinkUrl, FetchOutcome> page = answer;
        answer =
                url -> {
                    heldDuringFetch.add(
                            quotas.held("crawl:CrawlQueue", TenantKey.of("alice"), NOW));
                    return page.apply(url);
                };

        delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(heldDuringFetch).containsExactly(1);
        assertThat(quotas.held("crawl:CrawlQueue", TenantKey.of("alice"), NOW)).isZero();
    }

    @Test
    void countsThatCannotBeReachedLetTheCrawlRunAndSaySo() {
        quotas.unavailable(true);

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Crawled.class);
        assertThat(verdict.acknowledged()).isTrue();
        assertThat(((CrawlDelivery.Verdict.Crawled) verdict).uncounted()).isPresent();
    }

    @Test
    void aPreemptedCrawlWritesNoDocument() {
        fillPlaces("alice", 2);

        delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(index.documents()).isEmpty();
    }

    @Test
    void aTransientFailureComesBackAfterTheScheduledDelayNotTheVisibilityTimeout() {
        answer = url -> failed(url, Optional.empty());

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 2), NOW, NOW.plusSeconds(30));

        assertThat(verdict.acknowledged()).isFalse();
        assertThat(queues.retries).containsExactly(Duration.ofMinutes(2));
        assertThat(((CrawlDelivery.Verdict.Crawled) verdict).retryIn())
                .contains(Duration.ofMinutes(2));
    }

    @Test
    void aSitesRetryAfterSetsTheDelayWithinTheSchedulesBounds() {
        answer = url -> failed(url, Optional.of(Duration.ofMinutes(5)));

        delivery(2).handle(delivery(0, 1), NOW, NOW.plusSeconds(30));

        assertThat(queues.retries).containsExactly(Duration.ofMinutes(5));
    }

    @Test
    void theLastDeliveryIsShownAgainAtOnceSoItReachesTheDeadLetterQueueWithoutWaiting() {
        answer = url -> failed(url, Optional.empty());

        CrawlDelivery.Verdict verdict =
                delivery(2).handle(delivery(0, 5), NOW, NOW.plusSeconds(30));

        assertThat(verdict.acknowledged()).isFalse();
        assertThat(queues.retries).containsExactly(Duration.ZERO);
    }

    @Test
    void aMalformedMessageComesBackAfterADelayToo() {
        CrawlDelivery.Verdict verdict =
                delivery(2)
                        .handle(
                                new Delivery(
                                        "m1",
                                        "r1",
                                        "{not json",
                                        CRAWL_QUEUE_ARN,
                                        1,
                                        Optional.empty(),
                                        0),
                                NOW,
                                NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Malformed.class);
        assertThat(queues.retries).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aDeliveryFromAQueueItWasNotToldOfIsCrawledWithoutShareOrDelay() {
        fillPlaces("alice", 2);
        answer = url -> failed(url, Optional.empty());
        Delivery unknown =
                new Delivery(
                        "m1",
                        "r1",
                        new CrawlMessageCodec().encode(message),
                        "arn:aws:sqs:us-east-1:123456789012:SomethingElse",
                        1,
                        Optional.empty(),
                        0);

        CrawlDelivery.Verdict verdict = delivery(2).handle(unknown, NOW, NOW.plusSeconds(30));

        assertThat(verdict).isInstanceOf(CrawlDelivery.Verdict.Crawled.class);
        assertThat(queues.retries).isEmpty();
    }

    /** Alice's two places were taken when a crawl of hers asked, and both have freed since. */
    private CrawlDelivery aliceFoundFullThenHerPlacesFreed() {
        fillPlaces("alice", 2);
        CrawlDelivery crawls = delivery(2);
        crawls.handle(delivery(0, 1), NOW, NOW.plusSeconds(30));
        for (int i = 0; i < 2; i++) {
            quotas.release(
                    "crawl:CrawlQueue", TenantKey.of("alice"), "other-" + i, Optional.empty());
        }
        return crawls;
    }

    /** Alice's one place is taken, and her crawls take two hours: her next turns are far off. */
    private void aliceFullWithCrawlsOfTwoHours() {
        fillPlaces("alice", 1);
        quotas.release(
                "crawl:CrawlQueue",
                TenantKey.of("alice"),
                "done",
                Optional.of(Duration.ofHours(2)));
    }

    private void fillPlaces(String owner, int count) {
        for (int i = 0; i < count; i++) {
            quotas.hold(
                    "crawl:CrawlQueue",
                    TenantKey.of(owner),
                    "other-" + i,
                    count,
                    NOW,
                    NOW.plusSeconds(30));
        }
    }

    private Delivery delivery(int deferrals, int receiveCount) {
        return new Delivery(
                "message-1",
                "receipt-1",
                new CrawlMessageCodec().encode(message),
                CRAWL_QUEUE_ARN,
                receiveCount,
                Optional.empty(),
                deferrals);
    }

    private CrawlDelivery delivery(int crawlsAtOnce) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new CrawlDelivery(
                new CrawlLink(fetcher, new PageExtractor(), index, UrlPolicy.DEFAULT, clock, 5),
                queues,
                Optional.of(
                        new OwnerShare(quotas, new OwnerLimits(1000, 1000, 2, crawlsAtOnce, 1))),
                RetrySchedule.DEFAULT,
                5,
                PLACE_AFTER,
                clock,
                () -> 0.5);
    }

    private static FetchOutcome failed(
            dev.linkcrawl.url.LinkUrl url, Optional<Duration> retryAfter) {
        return new FetchOutcome.Failed(
                FailureCode.HTTP_STATUS,
                "the server answered with status 503",
                true,
                OptionalInt.of(503),
                url,
                List.of(),
                100,
                retryAfter);
    }

    /** A fetcher whose pages take {@link #fetchTakes}, unless the fetch is preempted. */
    private final class SlowFetcher implements dev.linkcrawl.crawl.fetch.PageFetcher {
        final List<dev.linkcrawl.url.LinkUrl> fetched = new ArrayList<>();

        @Override
        public FetchOutcome fetch(dev.linkcrawl.url.LinkUrl url, Instant deadline) {
            return fetch(url, deadline, Preemption.never());
        }

        @Override
        public FetchOutcome fetch(
                dev.linkcrawl.url.LinkUrl url, Instant deadline, Preemption preemption) {
            fetched.add(url);
            long end = System.nanoTime() + fetchTakes.toNanos();
            while (System.nanoTime() < end) {
                if (preemption.preempted()) {
                    return new FetchOutcome.Failed(
                            FailureCode.PREEMPTED,
                            "preempted",
                            true,
                            OptionalInt.empty(),
                            url,
                            List.of(),
                            10);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answer.apply(url);
        }
    }

    /** Queues that record what the crawl asked of them. */
    private static final class InMemoryCrawlQueues implements CrawlQueues {
        record Deferred(String groupId, Duration delay) {}

        final List<Duration> retries = new ArrayList<>();
        final List<Deferred> deferred = new ArrayList<>();
        boolean unreachable;

        @Override
        public Optional<QueueRole> roleOf(Delivery delivery) {
            return delivery.queueName().equals("CrawlQueue")
                    ? Optional.of(QueueRole.CRAWL)
                    : Optional.empty();
        }

        @Override
        public void retryAfter(Delivery delivery, Duration delay) {
            retries.add(delay);
        }

        @Override
        public void deferAgain(Delivery delivery, String messageGroupId, Duration delay) {
            if (unreachable) {
                throw new QueueUnreachableException("down (test)", null);
            }
            deferred.add(new Deferred(messageGroupId, delay));
        }
    }
}
