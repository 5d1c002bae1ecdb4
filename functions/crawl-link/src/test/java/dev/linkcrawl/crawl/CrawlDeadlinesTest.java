package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrawlDeadlinesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final Duration FETCH = Duration.ofSeconds(15);

    @Test
    void withoutAContextTheFetchGetsItsWholeDeadline() {
        CrawlDeadlines deadlines = CrawlDeadlines.of(NOW, FETCH, null);

        assertThat(deadlines.fetch()).isEqualTo(NOW.plus(FETCH));
        assertThat(deadlines.invocationEnd())
                .isEqualTo(NOW.plus(FETCH).plus(CrawlDeadlines.INDEXING_MARGIN));
    }

    @Test
    void anInvocationWithLittleTimeLeftShortensTheFetchAndKeepsTheMargin() {
        CrawlDeadlines deadlines = CrawlDeadlines.of(NOW, FETCH, remaining(8_000));

        assertThat(deadlines.fetch()).isEqualTo(NOW.plusSeconds(3));
        assertThat(deadlines.invocationEnd()).isEqualTo(NOW.plusSeconds(8));
    }

    @Test
    void anInvocationWithAmpleTimeKeepsTheConfiguredDeadline() {
        CrawlDeadlines deadlines = CrawlDeadlines.of(NOW, FETCH, remaining(120_000));

        assertThat(deadlines.fetch()).isEqualTo(NOW.plus(FETCH));
        assertThat(deadlines.invocationEnd()).isEqualTo(NOW.plusSeconds(120));
    }

    private static Context remaining(int millis) {
        return (Context)
                Proxy.newProxyInstance(
                        Context.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) ->
                                method.getName().equals("getRemainingTimeInMillis")
                                        ? millis
                                        : null);
    }
}
