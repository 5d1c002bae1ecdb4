package dev.linkcrawl.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** An import bucket in memory; an upload can be a generated stream of any size. */
final class InMemoryImportStore implements ImportStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Supplier<InputStream>> uploads = new HashMap<>();
    final Map<String, byte[]> results = new LinkedHashMap<>();

    /** Every result written, in order, the replaced ones too. */
    final List<byte[]> writes = new ArrayList<>();

    int opened;

    void put(String key, byte[] content) {
        uploads.put(key, () -> new ByteArrayInputStream(content));
    }

    void put(String key, Supplier<InputStream> content) {
        uploads.put(key, content);
    }

    /** Puts a test fixture (a path on the classpath) at {@code key}. */
    void putResource(String key, String resource) {
        uploads.put(
                key,
                () -> {
                    InputStream in = InMemoryImportStore.class.getResourceAsStream(resource);
                    if (in == null) {
                        throw new IllegalArgumentException("no fixture " + resource);
                    }
                    return in;
                });
    }

    JsonNode result(String resultKey) {
        byte[] json = results.get(resultKey);
        if (json == null) {
            throw new AssertionError(
                    "no result at " + resultKey + "; results: " + results.keySet());
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(ImportUpload upload) throws ImportMissingException {
        Supplier<InputStream> content = uploads.get(upload.key());
        if (content == null) {
            throw new ImportMissingException("no such key", null);
        }
        opened++;
        return content.get();
    }

    @Override
    public void writeResult(ImportUpload upload, byte[] json) {
        results.put(upload.resultKey(), json.clone());
        writes.add(json.clone());
    }
}
