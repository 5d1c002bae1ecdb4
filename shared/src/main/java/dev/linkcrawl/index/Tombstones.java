package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a deleted link leaves in the OpenSearch index: a document with its id, owner, the status
 * {@value #DELETED} and {@code deletedAt}, nothing of the page. No read returns it; see {@link
 * LinkIndex} for why it is kept.
 */
final class Tombstones {

    /** The status of a tombstone; never a {@link LinkDocument.Status}. */
    static final String DELETED = "deleted";

    private Tombstones() {}

    /**
     * Fills {@code into} with the tombstone of {@code owner}'s link {@code id} deleted at {@code
     * at}.
     */
    static ObjectNode write(ObjectNode into, LinkId id, String owner, Instant at) {
        into.put("id", id.value());
        into.put("owner", owner);
        into.put("status", DELETED);
        into.put("deletedAt", at.toString());
        return into;
    }

    /** When the link whose stored source this is was deleted, if it is a tombstone. */
    static Optional<Instant> deletedAt(JsonNode source) {
        if (!DELETED.equals(source.path("status").asText(null))) {
            return Optional.empty();
        }
        JsonNode at = source.path("deletedAt");
        // A tombstone without its time (never written so) counts as deleted at the beginning.
        return Optional.of(at.isTextual() ? Instant.parse(at.asText()) : Instant.EPOCH);
    }
}
