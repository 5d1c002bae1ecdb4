package dev.linkcrawl.url;

import java.util.Objects;

/** The outcome of checking a URL against the URL rules: accepted and normalised, or refused. */
public sealed interface UrlCheck {

    /** The URL passed every rule; {@code url} is its normalised form. */
    record Accepted(LinkUrl url) implements UrlCheck {
        public Accepted {
            Objects.requireNonNull(url, "url");
        }
    }

    /** The URL was refused. {@code detail} explains it for people without echoing the raw input. */
    record Rejected(UrlProblem problem, String detail) implements UrlCheck {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
            detail = detail == null || detail.isBlank() ? problem.description() : detail;
        }

        public Rejected(UrlProblem problem) {
            this(problem, problem.description());
        }
    }
}
