package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.EmbeddedS3;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestS3;
import dev.linkcrawl.testing.backend.TestSqs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The backfill function against real local services, driven by the sample S3 event: S3Mock for the
 * import bucket and ElasticMQ for the backfill queue, both in this JVM on loopback, or LocalStack's
 * S3 and SQS (see {@link TestBackend}).
 */
class BackfillLinksIT {

    private static final SampleEvents EVENTS = new SampleEvents("backfill-links");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bucket named in {@code events/backfill-links/import-netscape.json}. */
    private static final String BUCKET = "linkcrawl-imports-123456789012-us-east-1";

    private static final String UPLOAD = "imports/alice/bookmarks.html";
    private static final String RESULT = UPLOAD + ".result.json";

    private static TestSqs sqs;
    private static TestS3 s3Service;
    private static S3Client s3;

    private String queueUrl;
    private BackfillLinksHandler handler;

    @BeforeAll
    static void startServices() {
        TestBackend backend = TestBackend.selected();
        sqs = backend.sqs();
        s3Service = backend.s3(EmbeddedS3::start);
        s3Service.createBucket(BUCKET);
        s3 = s3Service.client();
    }

    @AfterAll
    static void stopServices() {
        s3Service.close();
        sqs.close();
    }

    @BeforeEach
    void freshQueueAndHandler() {
        queueUrl = sqs.createQueue("backfill-" + UUID.randomUUID());
        handler =
                new BackfillLinksHandler(
                        Settings.from(
                                Map.of(
                                        "AWS_REGION",
                                        sqs.region(),
                                        "AWS_ENDPOINT_URL_SQS",
                                        sqs.endpoint().toString(),
                                        "AWS_ENDPOINT_URL_S3",
                                        s3Service.endpoint().toString(),
                                        "QUEUE_URL",
                                        queueUrl)));
        s3.deleteObject(delete -> delete.bucket(BUCKET).key(RESULT));
    }

    @Test
    void theUploadedExportLandsOnTheQueueWithOwnerAndTags() throws Exception {
        upload(UPLOAD, "/dev/linkcrawl/backfill/format/firefox-bookmarks.html");

        invoke("import-netscape.json");

        List<JsonNode> messages = receive(5);
        assertThat(messages)
                .extracting(m -> m.get("url").asText())
                .containsExactlyInAnyOrder(
                        "https://support.mozilla.org/products/firefox",
                        "https://www.mozilla.org/en-US/firefox/central/",
                        "https://doc.rust-lang.org/book/",
                        "https://cooking.example.org/recipes/shakshuka?serves=2&spicy=1",
                        "https://news.ycombinator.com/item?id=38000000");
        assertThat(messages)
                .allSatisfy(
                        m -> {
                            assertThat(m.get("v").asInt()).isEqualTo(1);
                            assertThat(m.get("owner").asText()).isEqualTo("alice");
                            assertThat(m.get("source").asText()).isEqualTo("import");
                            assertThat(m.get("messageGroupId").asText())
                                    .as("the owner is the tenant of SQS fair queues")
                                    .isEqualTo(TenantKey.of("alice").value());
                        });
        JsonNode rust = byUrl(messages, "https://doc.rust-lang.org/book/");
        assertThat(rust.get("tags")).isEqualTo(JSON.readTree("[\"rust\", \"books\"]"));
        assertThat(rust.get("note").asText()).isEqualTo("Read chapters 4 & 10 again");
        assertThat(
                        byUrl(
                                        messages,
                                        "https://cooking.example.org/recipes/shakshuka?serves=2&spicy=1")
                                .get("tags"))
                .isEqualTo(JSON.readTree("[\"dinner\", \"Recipes\"]"));
    }

    @Test
    void theResultObjectIsWrittenBesideTheUploadWithExactCounts() throws Exception {
        upload(UPLOAD, "/dev/linkcrawl/backfill/format/firefox-bookmarks.html");

        invoke("import-netscape.json");

        JsonNode result =
                JSON.readTree(
                        s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(RESULT)).asByteArray());
        ((com.fasterxml.jackson.databind.node.ObjectNode) result).remove("finishedAt");
        assertThat(result)
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"key": "imports/alice/bookmarks.html", "format": "netscape_html",
                                 "complete": true, "accepted": 5, "duplicates": 0, "invalid": 3,
                                 "notEnqueued": 0,
                                 "errors": [{"line": 12, "reason": "blocked_scheme"},
                                            {"line": 26, "reason": "blocked_scheme"},
                                            {"line": 31, "reason": "blocked_address"}],
                                 "errorsOmitted": 0, "stopped": null}
                                """));
        assertThat(s3.headObject(head -> head.bucket(BUCKET).key(RESULT)).contentType())
                .isEqualTo("application/json");
    }

    @Test
    void importingTheSameUploadAgainQueuesTheSameIds() throws Exception {
        upload(UPLOAD, "/dev/linkcrawl/backfill/format/firefox-bookmarks.html");

        invoke("import-netscape.json");
        Set<String> first = ids(receive(5));
        invoke("import-netscape.json");
        Set<String> second = ids(receive(5));

        assertThat(second).hasSize(5).isEqualTo(first);
    }

    @Test
    void theResultObjectItselfIsNeverImported() throws Exception {
        s3.putObject(put -> put.bucket(BUCKET).key(RESULT), RequestBody.fromString("{}"));

        JsonNode answer = invoke("import-result-ignored.json");

        assertThat(answer.get("imports").get(0).get("outcome").asText()).isEqualTo("ignored");
        assertThat(receive(0)).isEmpty();
        assertThat(s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(RESULT)).asUtf8String())
                .isEqualTo("{}");
    }

    @Test
    void anUploadDeletedBeforeTheImportIsReportedMissing() throws Exception {
        s3.deleteObject(delete -> delete.bucket(BUCKET).key(UPLOAD));

        JsonNode answer = invoke("import-netscape.json");

        assertThat(answer.get("imports").get(0).get("outcome").asText()).isEqualTo("missing");
    }

    @Test
    void anAppExportIsRecognisedByItsContentAndKeepsTagsAndNotes() throws Exception {
        // The upload's name says nothing: the key ends in .txt, the content is Linkwarden's.
        String key = "imports/alice/linkwarden.txt";
        upload(key, "/dev/linkcrawl/backfill/format/linkwarden-backup.json");

        JsonNode item = invoke(eventFor(key)).get("imports").get(0);

        assertThat(item.get("format").asText()).isEqualTo("linkwarden_json");
        List<JsonNode> messages = receive(3);
        assertThat(messages)
                .extracting(m -> m.get("url").asText())
                .containsExactlyInAnyOrder(
                        "https://antonz.org/sqlite-is-not-a-toy-database/",
                        "https://cuisine.example.fr/tarte-tatin?%C3%A9tape=1",
                        "https://bread.example.com/sourdough/starter");
        JsonNode sqlite = byUrl(messages, "https://antonz.org/sqlite-is-not-a-toy-database/");
        assertThat(sqlite.get("tags")).isEqualTo(JSON.readTree("[\"databases\"]"));
        assertThat(sqlite.get("note").asText()).isEqualTo("Good arguments for small apps");
        assertThat(
                        byUrl(messages, "https://cuisine.example.fr/tarte-tatin?%C3%A9tape=1")
                                .get("tags"))
                .isEqualTo(JSON.readTree("[\"dessert\", \"pommes\", \"Recettes\"]"));
        JsonNode result =
                JSON.readTree(
                        s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key + ".result.json"))
                                .asByteArray());
        assertThat(result.get("format").asText()).isEqualTo("linkwarden_json");
        assertThat(result.get("accepted").asInt()).isEqualTo(3);
        assertThat(result.get("errors"))
                .isEqualTo(JSON.readTree("[{\"line\": 92, \"reason\": \"not_a_link\"}]"));
    }

    @Test
    void anUnknownJsonUploadIsRefusedWithTheKeysItHas() throws Exception {
        String key = "imports/alice/mystery.json";
        s3.putObject(
                put -> put.bucket(BUCKET).key(key),
                RequestBody.fromString("{\"data\": {\"links\": []}, \"exportedAt\": 1}"));

        invoke(eventFor(key));

        JsonNode result =
                JSON.readTree(
                        s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key + ".result.json"))
                                .asByteArray());
        assertThat(result.get("format").asText()).isEqualTo("unsupported");
        assertThat(result.get("unsupported"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"looksLike\": \"json_object\", \"keys\": [\"data\", \"exportedAt\"]}"));
        assertThat(receive(0)).isEmpty();
    }

    @Test
    void aLargeUploadIsStreamedFromTheBucket() throws Exception {
        int lines = 5_000;
        String text =
                java.util.stream.IntStream.rangeClosed(1, lines)
                        .mapToObj(i -> "https://example.com/page/" + i)
                        .collect(Collectors.joining("\n"));
        s3.putObject(
                put -> put.bucket(BUCKET).key("imports/bob/links.txt"),
                RequestBody.fromString(text));
        byte[] event =
                new String(EVENTS.bytes("import-netscape.json"), StandardCharsets.UTF_8)
                        .replace(UPLOAD, "imports/bob/links.txt")
                        .getBytes(StandardCharsets.UTF_8);

        JsonNode item = invoke(event).get("imports").get(0);

        assertThat(item.get("accepted").asInt()).isEqualTo(lines);
        assertThat(
                        sqs.client()
                                .getQueueAttributes(
                                        get ->
                                                get.queueUrl(queueUrl)
                                                        .attributeNamesWithStrings(
                                                                "ApproximateNumberOfMessages"))
                                .attributesAsStrings()
                                .get("ApproximateNumberOfMessages"))
                .isEqualTo(Integer.toString(lines));
    }

    /** The sample S3 event, naming {@code key} instead of its upload. */
    private static byte[] eventFor(String key) throws IOException {
        return new String(EVENTS.bytes("import-netscape.json"), StandardCharsets.UTF_8)
                .replace(UPLOAD, key)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void upload(String key, String resource) throws IOException {
        try (InputStream in = BackfillLinksIT.class.getResourceAsStream(resource)) {
            byte[] bytes = in.readAllBytes();
            s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
        }
    }

    private JsonNode invoke(String sample) throws IOException {
        return invoke(EVENTS.bytes(sample));
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }

    /** Receives (and deletes) messages until {@code expected} arrived or the queue stays empty. */
    private List<JsonNode> receive(int expected) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2 && (bodies.size() < expected || expected == 0)) {
            List<Message> batch =
                    sqs.client()
                            .receiveMessage(
                                    receive ->
                                            receive.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .messageSystemAttributeNames(
                                                            MessageSystemAttributeName
                                                                    .MESSAGE_GROUP_ID)
                                                    .waitTimeSeconds(1))
                            .messages();
            emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
            for (Message message : batch) {
                ObjectNode body = (ObjectNode) JSON.readTree(message.body());
                // Not part of the body: the SQS attribute, kept beside it for the assertions.
                body.put(
                        "messageGroupId",
                        message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
                bodies.add(body);
                sqs.client()
                        .deleteMessage(
                                delete ->
                                        delete.queueUrl(queueUrl)
                                                .receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    private static JsonNode byUrl(List<JsonNode> messages, String url) {
        return messages.stream()
                .filter(m -> m.get("url").asText().equals(url))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("id").asText()).collect(Collectors.toSet());
    }
}
