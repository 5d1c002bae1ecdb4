package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The notification S3 sends Lambda, compared with the project's sample of a real one ({@code
 * events/backfill-links/import-netscape.json}) and read by Lambda's own event classes.
 */
class S3EventRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CreatedObject OBJECT =
            new CreatedObject(
                    "importbucket",
                    "imports/alice/my bookmarks (1).html",
                    2519,
                    "\"d41d8cd98f00b204e9800998ecf8427e\"",
                    Instant.parse("2026-11-27T10:30:00.123456Z"));

    private final ObjectNode event =
            S3EventRecords.objectCreated(
                    OBJECT, "linkcrawl-local-ImportUpload", "0065645A9B0C6F1E2A");

    @Test
    void hasEveryFieldOfARealNotificationWithTheSameTypes() throws IOException {
        JsonNode sample =
                JSON.readTree(Path.of("../events/backfill-links/import-netscape.json").toFile());

        assertThat(shape(event)).isEqualTo(shape(sample));
    }

    @Test
    void saysWhatWasCreatedWhereAndWhen() {
        JsonNode record = event.get("Records").get(0);

        assertThat(record.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.get("eventTime").asText()).isEqualTo("2026-11-27T10:30:00.123Z");
        assertThat(record.at("/s3/configurationId").asText())
                .isEqualTo("linkcrawl-local-ImportUpload");
        assertThat(record.at("/s3/bucket/name").asText()).isEqualTo("importbucket");
        assertThat(record.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::importbucket");
        assertThat(record.at("/s3/object/key").asText())
                .isEqualTo("imports/alice/my+bookmarks+%281%29.html");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(2519);
        assertThat(record.at("/s3/object/eTag").asText())
                .isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(record.at("/s3/object/sequencer").asText()).isEqualTo("0065645A9B0C6F1E2A");
    }

    @Test
    void lambdaEventClassesReadItAndDecodeTheKeyBack() {
        S3Event read =
                LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
                        .fromJson(event.toString());

        S3EventNotification.S3EventNotificationRecord record = read.getRecords().getFirst();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("importbucket");
        assertThat(record.getS3().getObject().getUrlDecodedKey())
                .isEqualTo("imports/alice/my bookmarks (1).html");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(2519);
    }

    @Test
    void keyIsFormEncodedWithSpacesAsPlusAndSlashesKept() {
        assertThat(S3EventRecords.encodeKey("imports/alice/my bookmarks.html"))
                .isEqualTo("imports/alice/my+bookmarks.html");
        assertThat(S3EventRecords.encodeKey("imports/alice/a+b.txt"))
                .isEqualTo("imports/alice/a%2Bb.txt");
        assertThat(S3EventRecords.encodeKey("year=2026/day:1/ü.csv"))
                .isEqualTo("year%3D2026/day%3A1/%C3%BC.csv");
        assertThat(S3EventRecords.encodeKey("plain-name_1.0.txt")).isEqualTo("plain-name_1.0.txt");
    }

    /** Every JSON pointer of a tree with the type of its value (array elements as one). */
    private static Map<String, String> shape(JsonNode node) {
        Map<String, String> paths = new TreeMap<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String path, JsonNode node, Map<String, String> paths) {
        paths.put(path.isEmpty() ? "/" : path, node.getNodeType().name());
        if (node.isObject()) {
            node.properties()
                    .forEach(
                            entry -> collect(path + "/" + entry.getKey(), entry.getValue(), paths));
        } else if (node.isArray()) {
            node.forEach(element -> collect(path + "/*", element, paths));
        }
    }
}
