package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExtractBudgetTest {

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void stopsAParseThatHasNoTimeLeft() {
        String html = "<p>" + "word ".repeat(100_000) + "</p>";

        assertThatThrownBy(
                        () ->
                                extractor.extract(
                                        html,
                                        "https://example.com/",
                                        ExtractBudget.of(Duration.ZERO)))
                .isInstanceOf(ExtractBudgetExceededException.class)
                .hasMessageContaining("budget of 0 ms");
    }

    @Test
    void countsOnlyTheCpuTimeTheExtractionSpendsNotTimeSpentWaiting() throws Exception {
        ExtractBudget budget = ExtractBudget.of(Duration.ofMillis(200), Duration.ofSeconds(30));

        Thread.sleep(400);

        budget.check();
    }

    @Test
    void stopsAtTheDeadlineEvenWithCpuTimeLeft() throws Exception {
        ExtractBudget budget = ExtractBudget.of(Duration.ofSeconds(30), Duration.ofMillis(50));

        Thread.sleep(100);

        assertThatThrownBy(budget::check).isInstanceOf(ExtractBudgetExceededException.class);
    }

    @Test
    void stopsTheHugeTableWellBeforeItsExtractionEnds() {
        // Unbudgeted, this table takes seconds; a budget of 200 ms stops it within a step or two.
        String html = HostileMarkup.HUGE_TABLE.html();
        long started = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                extractor.extract(
                                        html,
                                        "https://example.com/",
                                        ExtractBudget.of(Duration.ofMillis(200))))
                .isInstanceOf(ExtractBudgetExceededException.class);
        System.out.printf(
                "huge table stopped after %d ms of a 200 ms budget%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void extractsAnOrdinaryPageWithinABudgetExactlyAsWithout() {
        String html =
                "<html><head><title>Slow links</title></head><body><article><p>One slow link"
                        + " froze the whole server and every visitor waited.</p></article></body>"
                        + "</html>";

        ExtractedPage budgeted =
                extractor.extract(
                        html, "https://example.com/", ExtractBudget.of(Duration.ofSeconds(5)));

        assertThat(budgeted).isEqualTo(extractor.extract(html, "https://example.com/"));
    }

    @ParameterizedTest
    @EnumSource(HostileMarkup.class)
    void everyHostileShapeEndsEitherExtractedOrOverBudgetNeverOtherwise(HostileMarkup shape) {
        try {
            ExtractedPage page =
                    extractor.extract(
                            shape.html(),
                            "https://example.com/",
                            ExtractBudget.of(Duration.ofSeconds(5)));
            assertThat(page.text()).isNotNull();
        } catch (ExtractBudgetExceededException e) {
            assertThat(e).hasMessageContaining("5000 ms");
        }
    }
}
