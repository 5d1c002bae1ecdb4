package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.UpdateResponse;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The documents of the links index by id, for {@link OpenSearchLinkIndex}: reads that never return
 * a {@link Tombstones tombstone}, and the writes that order crawls, saves and deletions.
 *
 * <p>A crawl's document is written with external versioning, its version {@code crawledAt} in epoch
 * milliseconds, so OpenSearch itself refuses an older crawl (a 409, reported as {@link
 * PutOutcome#STALE}). A deletion writes a tombstone at a higher version than the stored crawl, so a
 * crawl in flight cannot write over it. A queued link and a failed attempt are Painless scripts,
 * which look at the stored document before they change it.
 */
final class LinkDocumentStore {

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    /**
     * Written only where no document is, or over a tombstone older than the save; {@code
     * params.submittedAt} in epoch milliseconds.
     */
    static final String PUT_QUEUED =
            """
            if (ctx._source.isEmpty()) {
              ctx._source.putAll(params.doc);
            } else if (ctx._source.status == 'deleted'
                && ZonedDateTime.parse(ctx._source.deletedAt).toInstant().toEpochMilli()
                    < params.submittedAt) {
              ctx._source.clear();
              ctx._source.putAll(params.doc);
            } else {
              ctx.op = 'none';
            }
            """;

    /**
     * Changes only a crawled, gone or failed document of {@code params.owner}; the gone checks and
     * the status only of a crawled or gone one.
     */
    private static final String RECORD_ATTEMPT =
            """
            if (ctx._source.owner != params.owner
                || ctx._source.status == 'deleted' || ctx._source.status == 'queued') {
              ctx.op = 'none';
            } else {
              ctx._source.lastAttemptAt = params.lastAttemptAt;
              ctx._source.lastFailure = params.lastFailure;
              if (ctx._source.status == 'crawled' || ctx._source.status == 'gone') {
                if (params.goneChecks == null) {
                  ctx._source.remove('goneChecks');
                  ctx._source.remove('goneSince');
                  ctx._source.status = 'crawled';
                } else {
                  ctx._source.goneChecks = params.goneChecks;
                  ctx._source.goneSince = params.goneSince;
                  ctx._source.status = params.gone ? 'gone' : 'crawled';
                }
              }
              if (params.tags.isEmpty()) { ctx._source.remove('tags'); }
              else { ctx._source.tags = params.tags; }
              if (params.note == null) { ctx._source.remove('note'); }
              else { ctx._source.note = params.note; }
            }
            """;

    /** Tries this often when crawls keep writing between the read and the tombstone. */
    private static final int DELETE_ATTEMPTS = 3;

    private final OpenSearchTarget target;
    private final OpenSearchClient client;
    private final String indexName;
    private final OpenSearchIndexMapping mapping;
    private final LinkDocumentCodec codec;

    /** Dates tombstones; the crawls it orders them against run on other machines' clocks. */
    private final Clock clock = Clock.systemUTC();

    LinkDocumentStore(
            OpenSearchTarget target, OpenSearchIndexMapping mapping, LinkDocumentCodec codec) {
        this.target = target;
        this.client = target.client();
        this.indexName = target.indexName();
        this.mapping = mapping;
        this.codec = codec;
    }

    /** See {@link LinkIndex#put(LinkId, LinkDocument)}. */
    PutOutcome put(LinkId id, LinkDocument document) {
        requireWritable(id, document);
        mapping.ensureOnce();
        return write(
                id,
                document,
                new StoredLink(
                        Optional.empty(),
                        fetch(id, List.of("status", "deletedAt")).flatMap(Tombstones::deletedAt)));
    }

    /** See {@link LinkIndex#put(LinkId, LinkDocument, StoredLink)}. */
    PutOutcome put(LinkId id, LinkDocument document, StoredLink before) {
        requireWritable(id, document);
        Objects.requireNonNull(before, "before");
        mapping.ensureOnce();
        return write(id, document, before);
    }

    private static void requireWritable(LinkId id, LinkDocument document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        if (document.status() == LinkDocument.Status.QUEUED) {
            throw new IllegalArgumentException("a queued document goes through putQueued");
        }
        if (document.crawledAt().toEpochMilli() < 0) {
            throw new IllegalArgumentException("crawledAt is before 1970");
        }
    }

    /**
     * Writes {@code document} at its crawl's version unless {@code before} holds a deletion that
     * came after it was submitted.
     */
    private PutOutcome write(LinkId id, LinkDocument document, StoredLink before) {
        long version = document.crawledAt().toEpochMilli();
        // A crawl that started before the deletion meets the tombstone's higher version below; one
        // that started after it (a retry, a re-crawl) is stopped here.
        if (before.deletedSince(document)) {
            return PutOutcome.DELETED;
        }
        ObjectNode source = codec.toTree(document);
        source.put("id", id.value());
        try {
            mapping.withNewFields(
                    () ->
                            client.index(
                                    i ->
                                            i.index(indexName)
                                                    .id(id.value())
                                                    .document(source)
                                                    .version(version)
                                                    .versionType(VersionType.External)));
            return PutOutcome.WRITTEN;
        } catch (OpenSearchException e) {
            if (e.status() == 409 && VERSION_CONFLICT.equals(e.error().type())) {
                return PutOutcome.STALE;
            }
            throw target.failure("put " + id, e);
        } catch (IOException | SdkException e) {
            throw target.failure("put " + id, e);
        }
    }

    /** See {@link QueuedLinks#putQueued}. */
    boolean putQueued(LinkId id, LinkDocument queued) {
        Objects.requireNonNull(id, "id");
        QueuedLinks.requireQueued(queued);
        mapping.ensureOnce();
        ObjectNode doc = codec.toTree(queued);
        doc.put("id", id.value());
        Map<String, JsonData> params =
                Map.of(
                        "doc", JsonData.of(doc),
                        "submittedAt", JsonData.of(queued.submittedAt().toEpochMilli()));
        try {
            UpdateResponse<JsonNode> response =
                    client.update(
                            u ->
                                    u.index(indexName)
                                            .id(id.value())
                                            .scriptedUpsert(true)
                                            .upsert(JsonNodeFactory.instance.objectNode())
                                            .script(script(PUT_QUEUED, params)),
                            JsonNode.class);
            return response.result() != Result.NoOp;
        } catch (OpenSearchException e) {
            throw target.failure("put queued " + id, e);
        } catch (IOException | SdkException e) {
            throw target.failure("put queued " + id, e);
        }
    }

    /** See {@link LinkIndex#recordAttempt}. */
    boolean recordAttempt(
            String owner,
            LinkId id,
            Instant attemptedAt,
            LinkDocument.Failure failure,
            Optional<GoneChecks> gone,
            List<String> tags,
            String note) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(gone, "gone");
        Objects.requireNonNull(tags, "tags");
        Map<String, JsonData> params = new LinkedHashMap<>();
        params.put("owner", JsonData.of(owner));
        params.put("lastAttemptAt", JsonData.of(attemptedAt.toString()));
        params.put("lastFailure", JsonData.of(codec.toTree(failure)));
        // Painless reads a missing parameter as null: no checks clears them.
        gone.ifPresent(
                checks -> {
                    params.put("goneChecks", JsonData.of(checks.count()));
                    params.put("goneSince", JsonData.of(checks.since().toString()));
                    params.put("gone", JsonData.of(checks.gone()));
                });
        params.put("tags", JsonData.of(List.copyOf(tags)));
        if (note != null) {
            params.put("note", JsonData.of(note));
        }
        try {
            UpdateResponse<JsonNode> response =
                    mapping.withNewFields(
                            () ->
                                    client.update(
                                            u ->
                                                    u.index(indexName)
                                                            .id(id.value())
                                                            .script(script(RECORD_ATTEMPT, params)),
                                            JsonNode.class));
            return response.result() == Result.Updated;
        } catch (OpenSearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw target.failure("record an attempt on " + id, e);
        } catch (IOException | SdkException e) {
            throw target.failure("record an attempt on " + id, e);
        }
    }

    private static Script script(String source, Map<String, JsonData> params) {
        return Script.of(s -> s.inline(i -> i.source(source).params(params)));
    }

    /** See {@link LinkIndex#read}. */
    StoredLink read(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Optional<ObjectNode> source = fetch(id, List.of());
        Optional<Instant> deletedAt = source.flatMap(Tombstones::deletedAt);
        return new StoredLink(
                source.filter(s -> owner.equals(s.path("owner").asText(null)))
                        .filter(s -> deletedAt.isEmpty())
                        .map(codec::fromTree),
                deletedAt);
    }

    /** See {@link LinkIndex#delete}. */
    boolean delete(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        // No ensureIndex: a missing index holds nothing to delete, and the API that deletes does
        // not create indexes.
        for (int attempt = 1; ; attempt++) {
            GetResponse<ObjectNode> stored =
                    getResponse(id, List.of("owner", "status", "deletedAt"));
            if (stored == null
                    || !stored.found()
                    || stored.source() == null
                    || !owner.equals(stored.source().path("owner").asText(null))
                    || Tombstones.deletedAt(stored.source()).isPresent()) {
                return false;
            }
            Instant now = clock.instant();
            // Above the stored crawl's version, so a crawl in flight that started before now
            // cannot write over the tombstone (its crawledAt is older).
            long version = Math.max(now.toEpochMilli(), stored.version() + 1);
            ObjectNode tombstone =
                    Tombstones.write(codec.mapperCopy().createObjectNode(), id, owner, now);
            try {
                mapping.withNewFields(
                        () ->
                                client.index(
                                        i ->
                                                i.index(indexName)
                                                        .id(id.value())
                                                        .document(tombstone)
                                                        .version(version)
                                                        .versionType(VersionType.External)));
                return true;
            } catch (OpenSearchException e) {
                if (e.status() == 409
                        && VERSION_CONFLICT.equals(e.error().type())
                        && attempt < DELETE_ATTEMPTS) {
                    continue;
                }
                throw target.failure("delete " + id, e);
            } catch (IOException | SdkException e) {
                throw target.failure("delete " + id, e);
            }
        }
    }

    /** The stored source under {@code id} ({@code fields} of it, or all if empty), if any. */
    private Optional<ObjectNode> fetch(LinkId id, List<String> fields) {
        GetResponse<ObjectNode> response = getResponse(id, fields);
        return response != null && response.found()
                ? Optional.ofNullable(response.source())
                : Optional.empty();
    }

    /** The get response for {@code id}, or {@code null} when the index does not exist. */
    private GetResponse<ObjectNode> getResponse(LinkId id, List<String> fields) {
        try {
            return client.get(
                    g -> {
                        g.index(indexName).id(id.value());
                        return fields.isEmpty() ? g : g.sourceIncludes(fields);
                    },
                    ObjectNode.class);
        } catch (OpenSearchException e) {
            if (OpenSearchTarget.indexNotFound(e)) {
                return null;
            }
            throw target.failure("get " + id, e);
        } catch (IOException | SdkException e) {
            throw target.failure("get " + id, e);
        }
    }
}
