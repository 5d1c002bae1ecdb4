package dev.linkcrawl.local.template;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's {@code EventInvokeConfig}: what Lambda does with an asynchronous invocation (an S3
 * notification, a schedule) that fails, with Lambda's defaults where the template is silent.
 *
 * @param maximumRetryAttempts {@code MaximumRetryAttempts}, 0 to 2, default 2
 * @param maximumEventAge {@code MaximumEventAgeInSeconds}, 60 s to 6 hours, default 6 hours
 * @param onFailureQueue the logical id of the queue {@code DestinationConfig.OnFailure} names, if
 *     any: the invocation record of an event that failed for good goes there
 */
public record EventInvokeConfig(
        int maximumRetryAttempts, Duration maximumEventAge, Optional<String> onFailureQueue) {

    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;
    public static final Duration DEFAULT_MAXIMUM_EVENT_AGE = Duration.ofHours(6);

    /** Lambda's defaults: two retries, events kept six hours, no destination. */
    public static final EventInvokeConfig DEFAULT =
            new EventInvokeConfig(
                    DEFAULT_MAXIMUM_RETRY_ATTEMPTS, DEFAULT_MAXIMUM_EVENT_AGE, Optional.empty());

    public EventInvokeConfig {
        Objects.requireNonNull(maximumEventAge, "maximumEventAge");
        Objects.requireNonNull(onFailureQueue, "onFailureQueue");
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 2) {
            throw new IllegalArgumentException(
                    "MaximumRetryAttempts must be from 0 to 2, not " + maximumRetryAttempts);
        }
        if (maximumEventAge.compareTo(Duration.ofSeconds(60)) < 0
                || maximumEventAge.compareTo(DEFAULT_MAXIMUM_EVENT_AGE) > 0) {
            throw new IllegalArgumentException(
                    "MaximumEventAgeInSeconds must be from 60 to 21600, not "
                            + maximumEventAge.toSeconds());
        }
    }
}
