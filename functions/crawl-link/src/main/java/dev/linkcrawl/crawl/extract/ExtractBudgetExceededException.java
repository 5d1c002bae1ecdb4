package dev.linkcrawl.crawl.extract;

import java.time.Duration;

/**
 * Parsing and extracting a page ran past its {@link ExtractBudget}: the page is too costly to read,
 * and reading it again costs the same. Stackless, since it is an expected outcome of hostile pages,
 * not a bug.
 */
public final class ExtractBudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExtractBudgetExceededException(Duration budget) {
        super(
                "parsing and extracting the page took longer than its budget of "
                        + budget.toMillis()
                        + " ms",
                null,
                false,
                false);
    }
}
