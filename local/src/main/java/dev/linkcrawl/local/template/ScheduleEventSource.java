package dev.linkcrawl.local.template;

import java.util.Objects;

/**
 * A {@code Schedule} event of a function (an EventBridge rule). The local runner does not fire
 * schedules by itself; it names them so that they can be run with {@code ./linkcrawl invoke}.
 *
 * @param eventName the event's key under {@code Events} (for example {@code Recrawl})
 * @param schedule {@code Schedule}, such as {@code rate(1 day)}
 * @param enabled {@code Enabled} (default true)
 */
public record ScheduleEventSource(String eventName, String schedule, boolean enabled) {
    public ScheduleEventSource {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(schedule, "schedule");
    }
}
