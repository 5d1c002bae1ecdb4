package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real BackfillLinksFunction, a {@code RequestStreamHandler}, loaded from its jar and fed the
 * sample events as bytes. Only events that need no service are used: nothing is contacted.
 */
class FunctionLoaderTest {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, String> OFFLINE =
            Map.of(
                    "QUEUE_URL", "http://127.0.0.1:9/000000000000/BackfillQueue",
                    "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9",
                    "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9");

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final FunctionLoader loader =
            new FunctionLoader(
                    ROOT, Clock.systemUTC(), new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void streamHandlerIsLoadedFromItsJarAndAnswersTheSampleEvent() throws Exception {
        LocalFunction function = loader.load(backfill(), OFFLINE);

        Invocation invocation =
                function.invoke(
                        function.readEvent(sample("backfill-links/import-result-ignored.json")));

        assertThat(function.streaming()).isTrue();
        assertThat(invocation).isInstanceOf(Invocation.Completed.class);
        JsonNode item = ((JsonNode) ((Invocation.Completed) invocation).output()).at("/imports/0");
        assertThat(item.get("key").asText()).isEqualTo("imports/alice/bookmarks.html.result.json");
        assertThat(item.get("outcome").asText()).isEqualTo("ignored");
        assertThat(item.get("reason").asText()).isEqualTo("result_object");
    }

    @Test
    void scheduledEventReachesTheStreamHandlerAsItsRawJson() throws Exception {
        LocalFunction function = loader.load(backfill(), OFFLINE);

        Invocation invocation =
                function.invoke(function.readEvent(sample("backfill-links/recrawl.json")));

        JsonNode answer = (JsonNode) ((Invocation.Completed) invocation).output();
        assertThat(answer.get("scheduledAt").asText()).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(answer.get("recrawl").asText()).isEqualTo("not_available");
    }

    @Test
    void eventTheStreamHandlerCannotReadFailsTheInvocation() throws Exception {
        LocalFunction function = loader.load(backfill(), OFFLINE);

        Invocation invocation = function.invoke(function.readEvent("[1, 2]"));

        assertThat(invocation).isInstanceOf(Invocation.Failed.class);
        assertThat(invocation.outcome()).contains("UnrecognisedEventException");
    }

    private static FunctionResource backfill() {
        return SamTemplate.read(ROOT.resolve("template.yaml")).function("BackfillLinksFunction");
    }

    private static String sample(String name) throws Exception {
        return Files.readString(ROOT.resolve("events").resolve(name));
    }
}
