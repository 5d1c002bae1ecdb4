package dev.linkcrawl.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events of one function in {@code events/<function-folder>/}: the files users pass to
 * {@code sam local invoke} are the handler tests' inputs, so the samples cannot drift.
 */
public final class SampleEvents {

    private final Path folder;

    /**
     * @param functionFolder the folder under {@code events/}, named like the module ({@code
     *     submit-link})
     */
    public SampleEvents(String functionFolder) {
        // Tests run in the module folder, functions/<name>/.
        this.folder = Path.of("../../events", functionFolder);
    }

    /** The event as Lambda's runtime reads it (capitalised {@code Records}, typed dates…). */
    public <T> T load(String name, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, SampleEvents.class.getClassLoader())
                .fromJson(text(name));
    }

    /** The event's bytes, as Lambda hands them to a stream handler. */
    public byte[] bytes(String name) {
        try {
            return Files.readAllBytes(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String name) {
        try {
            return Files.readString(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .json} file in the folder, sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
