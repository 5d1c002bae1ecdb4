package dev.linkcrawl.query;

import java.util.Objects;

/** A {@code cursor} parameter that cannot continue the query it came with. */
final class InvalidCursorException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the cursor was refused; {@link #code()} is the problem's field error code. */
    enum Reason {
        /** Not a cursor this API wrote: bad encoding, bad JSON, wrong fields or values. */
        MALFORMED("malformed"),
        /** A cursor of another query (other search text, tags or status). */
        OTHER_QUERY("other_query");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final Reason reason;

    InvalidCursorException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    Reason reason() {
        return reason;
    }
}
