package dev.linkcrawl.api;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem: what went wrong, for clients ({@code type}, field {@code errors}) and for
 * people ({@code title}, {@code detail}). The detail never echoes raw input, so a problem can be
 * logged and shown without escaping worries.
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors) {

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
        errors = errors == null ? List.of() : List.copyOf(errors);
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
