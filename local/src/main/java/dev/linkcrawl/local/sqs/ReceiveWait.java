package dev.linkcrawl.local.sqs;

import java.time.Duration;

/**
 * How the fair event source's receives wait for messages, given how many the queue holds.
 *
 * <p>While any receive waits on an ElasticMQ queue (a long poll), ElasticMQ sorts every message of
 * the queue after each send and each visibility change, to learn when the next one shows (its
 * {@code QueueActorWaitForMessagesOps}, 1.7.1). On a queue of a few messages that is free. Under a
 * flood it is not: fair delivery keeps thousands of received messages hidden on the server, the
 * crawl function puts thousands back delayed, and those sorts became the largest single use of the
 * machine's CPU, paid by every other owner's crawl. SQS has no such cost, so above {@link
 * #LONG_POLL_MOST} messages the receivers ask without waiting, and pause after finding nothing,
 * taking turns ({@link EmptyReceiveTurns}): a new message is then seen within {@link #PAUSE}
 * divided among the receivers (4: 25 ms). Each empty receive costs both the client and ElasticMQ
 * about a millisecond of CPU; at 40 ms a pause, the eight receivers of the two crawl queues asked
 * 200 times a second and used about a fifth of the machine during a flood, as much as the sort they
 * replace.
 *
 * @param seconds the receive's {@code WaitTimeSeconds}
 * @param pauseWhenEmpty how long a receiver rests after a receive that found nothing
 */
record ReceiveWait(int seconds, Duration pauseWhenEmpty) {

    /** Messages a queue may hold (visible, in flight and delayed) and still be long-polled. */
    static final int LONG_POLL_MOST = 500;

    /** A receiver's rest after an empty receive without waiting: 100 ms. */
    static final Duration PAUSE = Duration.ofMillis(100);

    /** A long poll of {@code seconds}: the server answers as soon as a message shows. */
    static ReceiveWait longPoll(int seconds) {
        return new ReceiveWait(seconds, Duration.ZERO);
    }

    /**
     * How to receive from a queue holding {@code messages} (visible, in flight and delayed), long
     * polls being {@code longPollSeconds}.
     */
    static ReceiveWait forQueueOf(long messages, int longPollSeconds) {
        return messages > LONG_POLL_MOST ? new ReceiveWait(0, PAUSE) : longPoll(longPollSeconds);
    }
}
