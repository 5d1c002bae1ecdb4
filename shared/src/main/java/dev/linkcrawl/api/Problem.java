package dev.linkcrawl.api;

import dev.linkcrawl.limit.LimitName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem: what went wrong, for clients ({@code type}, field {@code errors}, the {@code
 * limit} reached) and for people ({@code title}, {@code detail}). The detail never echoes raw
 * input, so a problem can be logged and shown without escaping worries.
 */
public record Problem(
        ProblemType type, String detail, List<FieldError> errors, Optional<Limit> limit) {

    /** A per-owner limit that was reached: its name and its value (extension members). */
    public record Limit(LimitName name, int max) {
        public Limit {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A field at fault: a JSON pointer into the request and a stable snake_case code. */
    public record FieldError(String pointer, String code) {
        public FieldError {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(code, "code");
        }
    }

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(limit, "limit");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Optional.empty());
    }

    /** A 429: {@code name} allows {@code max}, and the caller is past it. */
    public static Problem limitReached(LimitName name, int max, String detail) {
        return new Problem(
                ProblemType.LIMIT_REACHED, detail, List.of(), Optional.of(new Limit(name, max)));
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of());
    }

    public static Problem of(ProblemType type, String detail, String pointer, String code) {
        return new Problem(type, detail, List.of(new FieldError(pointer, code)));
    }

    public int status() {
        return type.status();
    }
}
