package dev.linkcrawl.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample events in {@code events/query-links/}, read the way the Lambda runtime reads them. */
final class SampleEvents {
    static final Path FOLDER = Path.of("../../events/query-links");

    static APIGatewayV2HTTPEvent load(String name) {
        try {
            return LambdaEventSerializers.serializerFor(
                            APIGatewayV2HTTPEvent.class, SampleEvents.class.getClassLoader())
                    .fromJson(Files.readString(FOLDER.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SampleEvents() {}
}
