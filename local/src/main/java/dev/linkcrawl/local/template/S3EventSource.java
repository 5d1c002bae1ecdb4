package dev.linkcrawl.local.template;

import java.util.List;
import java.util.Objects;

/**
 * An {@code S3} event of a function: the bucket notification SAM configures from it.
 *
 * @param eventName the event's key under {@code Events} (for example {@code ImportUpload})
 * @param bucket the logical id of the bucket ({@code Bucket: !Ref ImportBucket})
 * @param events {@code Events}, such as {@code s3:ObjectCreated:*}
 * @param prefix the {@code prefix} rule of {@code Filter.S3Key.Rules}, empty when absent
 * @param suffix the {@code suffix} rule, empty when absent
 */
public record S3EventSource(
        String eventName, String bucket, List<String> events, String prefix, String suffix) {

    public S3EventSource {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Events must name at least one event type");
        }
        for (String event : events) {
            if (!event.startsWith("s3:")) {
                throw new IllegalArgumentException(
                        "an S3 event type starts with s3: (such as s3:ObjectCreated:*), not "
                                + event);
            }
        }
    }

    /**
     * Whether S3 notifies this function of {@code eventName} (as records spell it, {@code
     * ObjectCreated:Put}) on {@code key}: one of {@link #events()} names it exactly or with a
     * trailing {@code *}, and the key has the prefix and suffix of the filter. The filter applies
     * to the key itself, not to its encoded form.
     */
    public boolean matches(String eventName, String key) {
        String type = "s3:" + eventName;
        boolean named =
                events.stream()
                        .anyMatch(
                                event ->
                                        event.equals(type)
                                                || (event.endsWith("*")
                                                        && type.startsWith(
                                                                event.substring(
                                                                        0, event.length() - 1))));
        return named && key.startsWith(prefix) && key.endsWith(suffix);
    }
}
