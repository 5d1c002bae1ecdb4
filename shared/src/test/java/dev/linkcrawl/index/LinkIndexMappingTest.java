package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LinkIndexMappingTest {

    private final JsonNode resource = read(LinkIndexMapping.json());
    private final JsonNode properties = resource.path("mappings").path("properties");

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the mapping is not valid JSON", e);
        }
    }

    private static Set<String> componentNames(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void ignoresKeywordValuesTooLongForOneTermInEveryFieldAPageOrUserFills() {
        List<JsonNode> keywords =
                List.of(
                        properties.path("url").path("fields").path("keyword"),
                        properties.path("finalUrl").path("fields").path("keyword"),
                        properties.path("redirects").path("properties").path("url"),
                        properties.path("contentType"),
                        properties.path("siteName").path("fields").path("keyword"),
                        properties.path("author").path("fields").path("keyword"),
                        properties.path("lang"),
                        properties.path("image"),
                        properties.path("favicon"),
                        properties.path("canonicalUrl"),
                        properties.path("keywords"),
                        properties.path("feeds"),
                        properties.path("tags"));

        // 8,191 characters of up to 4 UTF-8 bytes each stay within Lucene's 32,766-byte term.
        assertThat(keywords)
                .allSatisfy(
                        field -> assertThat(field.path("ignore_above").asInt()).isEqualTo(8191));
    }

    @Test
    void refusesFieldsItDoesNotName() {
        assertThat(resource.path("mappings").path("dynamic").asText()).isEqualTo("strict");
    }

    @Test
    void namesEveryDocumentFieldAndOnlyThemBesideTheIdAndTheTombstonesTime() {
        Set<String> expected = componentNames(LinkDocument.class);
        expected.add("id");
        expected.add("deletedAt");

        assertThat(fieldNames(properties)).isEqualTo(expected);
    }

    @Test
    void namesEveryRedirectField() {
        assertThat(fieldNames(properties.path("redirects").path("properties")))
                .isEqualTo(componentNames(LinkDocument.Redirect.class));
    }

    @Test
    void namesEveryFailureField() {
        assertThat(fieldNames(properties.path("failure").path("properties")))
                .isEqualTo(componentNames(LinkDocument.Failure.class));
    }

    @Test
    void mapsEveryFieldTheCodecWrites() {
        LinkDocumentCodec codec = new LinkDocumentCodec();
        Set<String> written = new HashSet<>();
        written.addAll(
                fieldNames(
                        codec.toTree(SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT))));
        written.addAll(
                fieldNames(
                        codec.toTree(SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT))));

        assertThat(fieldNames(properties)).containsAll(written);
    }

    @Test
    void mapsEveryInstantAsADate() {
        for (RecordComponent component : LinkDocument.class.getRecordComponents()) {
            if (component.getType() == Instant.class) {
                assertThat(properties.path(component.getName()).path("type").asText())
                        .as(component.getName())
                        .isEqualTo("date");
            }
        }
    }

    @Test
    void keepsFilterAndTieBreakFieldsAsKeywords() {
        for (String field :
                List.of("id", "owner", "status", "urlHash", "lang", "contentType", "tags")) {
            assertThat(properties.path(field).path("type").asText()).as(field).isEqualTo("keyword");
        }
        assertThat(properties.path("failure").path("properties").path("code").path("type").asText())
                .isEqualTo("keyword");
    }

    @Test
    void makesTheSearchedFieldsTextWithOffsetsForHighlighting() {
        for (JsonNode field :
                List.of(
                        properties.path("title"),
                        properties.path("description"),
                        properties.path("text"),
                        properties.path("siteName"),
                        properties.path("tags").path("fields").path("text"))) {
            assertThat(field.path("type").asText()).isEqualTo("text");
            assertThat(field.path("index_options").asText()).isEqualTo("offsets");
        }
        assertThat(properties.path("url").path("type").asText()).isEqualTo("text");
        assertThat(properties.path("url").path("fields").path("keyword").path("type").asText())
                .isEqualTo("keyword");
    }

    @Test
    void definesEveryAnalyzerAndNormalizerItUses() {
        List<String> analyzers = new ArrayList<>();
        List<String> normalizers = new ArrayList<>();
        collect(properties, analyzers, normalizers);
        JsonNode analysis = resource.path("settings").path("analysis");

        assertThat(analyzers).isNotEmpty();
        assertThat(fieldNames(analysis.path("analyzer"))).containsAll(analyzers);
        assertThat(fieldNames(analysis.path("normalizer"))).containsAll(normalizers);
    }

    @Test
    void definesEveryTokenizerAndFilterItsAnalyzersUse() {
        JsonNode analysis = resource.path("settings").path("analysis");
        Set<String> builtIn = Set.of("standard", "lowercase", "asciifolding");
        Set<String> known = new HashSet<>(builtIn);
        known.addAll(fieldNames(analysis.path("tokenizer")));
        known.addAll(fieldNames(analysis.path("filter")));

        for (JsonNode analyzer : analysis.path("analyzer")) {
            assertThat(known).contains(analyzer.path("tokenizer").asText());
            analyzer.path("filter").forEach(filter -> assertThat(known).contains(filter.asText()));
        }
    }

    private static void collect(JsonNode node, List<String> analyzers, List<String> normalizers) {
        if (node.isObject()) {
            if (node.has("analyzer")) {
                analyzers.add(node.get("analyzer").asText());
            }
            if (node.has("normalizer")) {
                normalizers.add(node.get("normalizer").asText());
            }
            node.forEach(child -> collect(child, analyzers, normalizers));
        }
    }

    @Test
    void isTheCreateIndexBodyAndNothingMore() {
        assertThat(fieldNames(resource))
                .isEqualTo(new TreeSet<>(Arrays.asList("settings", "mappings")));
    }
}
