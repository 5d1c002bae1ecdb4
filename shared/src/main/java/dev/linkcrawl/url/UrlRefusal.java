package dev.linkcrawl.url;

/**
 * A rule refused the URL. Internal control flow between the parsing steps; callers only ever see
 * {@link UrlCheck.Rejected}. Stackless, because a refusal is an expected outcome, not a bug.
 */
final class UrlRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final UrlProblem problem;

    UrlRefusal(UrlProblem problem) {
        this(problem, problem.description());
    }

    /** {@code detail} is shown to people: it must never hold the refused input. */
    UrlRefusal(UrlProblem problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    UrlProblem problem() {
        return problem;
    }

    UrlCheck.Rejected rejected() {
        return new UrlCheck.Rejected(problem, getMessage());
    }
}
