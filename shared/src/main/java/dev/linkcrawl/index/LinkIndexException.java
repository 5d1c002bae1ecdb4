package dev.linkcrawl.index;

import java.util.Objects;

/** The link index could not do what was asked. {@link #retryable()} says whether to try again. */
public final class LinkIndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the index could not answer. */
    public enum Reason {
        /** No connection, a reset, or no answer in time. */
        UNREACHABLE(true),
        /** 429: too many requests. */
        THROTTLED(true),
        /** 5xx: the cluster failed or is unavailable. */
        SERVER_ERROR(true),
        /** AWS credentials could not be resolved to sign the request. */
        NO_CREDENTIALS(true),
        /** 401 or 403: the caller may not use the index. */
        DENIED(false),
        /** Any other 4xx: the request itself is wrong (for example a field the mapping refuses). */
        REJECTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The reason an error answer with HTTP {@code status} (4xx or 5xx) stands for. */
        public static Reason ofStatus(int status) {
            if (status == 429) {
                return THROTTLED;
            }
            if (status >= 500) {
                return SERVER_ERROR;
            }
            if (status == 401 || status == 403) {
                return DENIED;
            }
            return REJECTED;
        }
    }

    private final Reason reason;
    private final int httpStatus;

    /**
     * @param httpStatus the response status, or 0 when there was no response
     */
    public LinkIndexException(Reason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The response status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether trying the same request again later may succeed. */
    public boolean retryable() {
        return reason.retryable();
    }
}
