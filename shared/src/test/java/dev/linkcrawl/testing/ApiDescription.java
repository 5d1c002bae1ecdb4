package dev.linkcrawl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API description users read, {@code docs/openapi.json}, as tests hold the code against it: the
 * routes, each route's statuses, the problem types and the document's fields.
 */
public final class ApiDescription {

    private final JsonNode root;

    private ApiDescription(JsonNode root) {
        this.root = root;
    }

    /** {@code docs/openapi.json} of the repository the tests run in (found from any module). */
    public static ApiDescription load() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.exists(folder.resolve("docs/openapi.json"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException(
                    "no docs/openapi.json above " + Path.of("").toAbsolutePath());
        }
        try {
            return new ApiDescription(
                    new ObjectMapper().readTree(folder.resolve("docs/openapi.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation as {@code METHOD /path}, for example {@code GET /links/{id}}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.path("paths")
                .fields()
                .forEachRemaining(
                        path ->
                                path.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                method -> {
                                                    if (!method.equals("parameters")) {
                                                        operations.add(
                                                                method.toUpperCase(Locale.ROOT)
                                                                        + " "
                                                                        + path.getKey());
                                                    }
                                                }));
        return operations;
    }

    /** The statuses {@code operation} ({@code METHOD /path}) is described to answer. */
    public Set<Integer> statuses(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode responses =
                root.path("paths")
                        .path(parts[1])
                        .path(parts[0].toLowerCase(Locale.ROOT))
                        .path("responses");
        if (responses.isMissingNode()) {
            throw new IllegalArgumentException(operation + " is not described");
        }
        Set<Integer> statuses = new TreeSet<>();
        responses.fieldNames().forEachRemaining(status -> statuses.add(Integer.parseInt(status)));
        return statuses;
    }

    /** The problem {@code type} URIs the description names. */
    public Set<String> problemTypes() {
        return strings(root.at("/components/schemas/Problem/properties/type/enum"));
    }

    /** The values of the enum schema {@code name} (for example {@code Status}). */
    public Set<String> enumValues(String name) {
        return strings(root.at("/components/schemas/" + name + "/enum"));
    }

    /**
     * The values of property {@code property}'s enum in the object schema {@code name} (for example
     * {@code Import}'s {@code format}).
     */
    public Set<String> propertyEnumValues(String name, String property) {
        return strings(
                root.at("/components/schemas/" + name + "/properties/" + property + "/enum"));
    }

    /** The property names of the object schema {@code name} (for example {@code Link}). */
    public Set<String> properties(String name) {
        Set<String> names = new TreeSet<>();
        root.at("/components/schemas/" + name + "/properties")
                .fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            values.add(it.next().asText());
        }
        return values;
    }
}
