package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.Objects;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link LinkIndexMapping} on the cluster: {@link #ensure()} creates the index with it when the
 * index does not exist yet, so a write can never create it with a dynamic mapping; {@link
 * #withNewFields} puts the fields added since on an index an older version created, the first time
 * a write is refused for one of them.
 *
 * <p>Both parse the mapping into the client's model only when they must: that costs a cold start
 * hundreds of milliseconds, and the index nearly always exists with the current mapping.
 */
final class OpenSearchIndexMapping {

    private static final String ALREADY_EXISTS = "resource_already_exists_exception";
    private static final String STRICT_MAPPING = "strict_dynamic_mapping_exception";

    private final OpenSearchTarget target;
    private final OpenSearchClient client;
    private final String indexName;

    private volatile boolean ensured;

    OpenSearchIndexMapping(OpenSearchTarget target) {
        this.target = target;
        this.client = target.client();
        this.indexName = target.indexName();
    }

    /**
     * Creates the index with its mapping if it does not exist; see {@link LinkIndex#ensureIndex}.
     */
    void ensure() {
        try {
            // A HEAD first: the index nearly always exists, and parsing the mapping into the
            // client's model costs a cold start hundreds of milliseconds.
            if (!client.indices().exists(e -> e.index(indexName)).value()) {
                create();
            }
        } catch (OpenSearchException e) {
            throw target.failure("check index " + indexName, e);
        } catch (IOException | SdkException e) {
            throw target.failure("check index " + indexName, e);
        }
        ensured = true;
    }

    /** {@link #ensure()}, unless it already succeeded in this process. */
    void ensureOnce() {
        if (!ensured) {
            ensure();
        }
    }

    private void create() {
        JsonpMapper mapper = client._transport().jsonpMapper();
        try {
            JsonNode tree = new ObjectMapper().readTree(LinkIndexMapping.json());
            IndexSettings settings =
                    parse(tree.get("settings"), IndexSettings._DESERIALIZER, mapper);
            TypeMapping mappings = parse(tree.get("mappings"), TypeMapping._DESERIALIZER, mapper);
            client.indices().create(c -> c.index(indexName).settings(settings).mappings(mappings));
        } catch (OpenSearchException e) {
            if (!ALREADY_EXISTS.equals(e.error().type())) {
                throw target.failure("create index " + indexName, e);
            }
        } catch (IOException | SdkException e) {
            throw target.failure("create index " + indexName, e);
        }
    }

    /** A write OpenSearch can refuse for a field an older mapping lacks. */
    interface Write<T> {
        T send() throws IOException;
    }

    /**
     * Sends {@code write}; when the index was created by an older version and refuses a field added
     * since ({@code dynamic: strict}), puts the mapping's fields on it and sends it once more. Done
     * on refusal rather than on every cold start: parsing the mapping into the client's model costs
     * a cold start hundreds of milliseconds, and it is needed once per upgrade.
     */
    <T> T withNewFields(Write<T> write) throws IOException {
        try {
            return write.send();
        } catch (OpenSearchException e) {
            if (!STRICT_MAPPING.equals(e.error().type())) {
                throw e;
            }
        }
        JsonpMapper mapper = client._transport().jsonpMapper();
        JsonNode tree = new ObjectMapper().readTree(LinkIndexMapping.json());
        TypeMapping mappings = parse(tree.get("mappings"), TypeMapping._DESERIALIZER, mapper);
        client.indices().putMapping(m -> m.index(indexName).properties(mappings.properties()));
        return write.send();
    }

    private static <T> T parse(
            JsonNode node, JsonpDeserializer<T> deserializer, JsonpMapper mapper) {
        Objects.requireNonNull(node, () -> LinkIndexMapping.RESOURCE + " lacks a section");
        try (JsonParser parser =
                mapper.jsonProvider().createParser(new StringReader(node.toString()))) {
            return deserializer.deserialize(parser, mapper);
        }
    }
}
