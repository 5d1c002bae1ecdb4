package dev.linkcrawl.local.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Messages the local event source has received but not yet handed to the function, by tenant, in
 * arrival order within each tenant. On SQS they would still be in the queue; here they are in
 * flight on the local server, kept invisible until they go out ({@link #expiringBefore}). Not
 * thread-safe: the event source calls it under its own lock.
 */
final class WaitingMessages {

    /** One message waiting: its tenant, when it was sent, until when the server hides it. */
    static final class Waiting {
        private Message message;
        private final String tenant;
        private final Instant sentAt;
        private Instant invisibleUntil;

        private Waiting(Message message, String tenant, Instant sentAt, Instant invisibleUntil) {
            this.message = message;
            this.tenant = tenant;
            this.sentAt = sentAt;
            this.invisibleUntil = invisibleUntil;
        }

        Message message() {
            return message;
        }

        String tenant() {
            return tenant;
        }

        Instant sentAt() {
            return sentAt;
        }

        Instant invisibleUntil() {
            return invisibleUntil;
        }

        void invisibleUntil(Instant until) {
            invisibleUntil = until;
        }
    }

    private final Map<String, Deque<Waiting>> byTenant = new LinkedHashMap<>();
    private final Map<String, Waiting> byId = new HashMap<>();

    /**
     * The tenant of {@code message}: its {@code MessageGroupId}, or the message itself when it has
     * none (SQS treats each such message as a tenant of its own).
     */
    static String tenantOf(Message message) {
        String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        return group == null || group.isEmpty() ? "message:" + message.messageId() : group;
    }

    /** When {@code message} was sent ({@code SentTimestamp}); {@code fallback} without one. */
    static Instant sentAt(Message message, Instant fallback) {
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return sent == null ? fallback : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Adds a message received at {@code now} and hidden for {@code visibility}. A message that is
     * already waiting (the server showed it again) keeps its place and takes the new receipt.
     *
     * @return the entry
     */
    Waiting add(Message message, Instant now, Duration visibility) {
        Objects.requireNonNull(message, "message");
        Waiting known = byId.get(message.messageId());
        if (known != null) {
            known.message = message;
            known.invisibleUntil = now.plus(visibility);
            return known;
        }
        Waiting waiting =
                new Waiting(message, tenantOf(message), sentAt(message, now), now.plus(visibility));
        byId.put(message.messageId(), waiting);
        byTenant.computeIfAbsent(waiting.tenant, tenant -> new ArrayDeque<>()).addLast(waiting);
        return waiting;
    }

    /** For each tenant with messages waiting, when its oldest waiting message was sent. */
    Map<String, Instant> oldestByTenant() {
        Map<String, Instant> oldest = new HashMap<>();
        byTenant.forEach((tenant, messages) -> oldest.put(tenant, messages.peekFirst().sentAt));
        return oldest;
    }

    /** Takes the next waiting message of {@code tenant}. */
    Optional<Waiting> take(String tenant) {
        Deque<Waiting> messages = byTenant.get(tenant);
        if (messages == null) {
            return Optional.empty();
        }
        Waiting next = messages.removeFirst();
        if (messages.isEmpty()) {
            byTenant.remove(tenant);
        }
        byId.remove(next.message.messageId());
        return Optional.of(next);
    }

    /** Waiting messages the server will show again before {@code instant}. */
    List<Waiting> expiringBefore(Instant instant) {
        List<Waiting> expiring = new ArrayList<>();
        for (Waiting waiting : byId.values()) {
            if (waiting.invisibleUntil.isBefore(instant)) {
                expiring.add(waiting);
            }
        }
        return expiring;
    }

    /** Takes every waiting message out. */
    List<Waiting> drain() {
        List<Waiting> all = new ArrayList<>(byId.values());
        byId.clear();
        byTenant.clear();
        return all;
    }

    int size() {
        return byId.size();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
