package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.testing.SampleEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillEventTest {

    private static final SampleEvents EVENTS = new SampleEvents("backfill-links");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anS3NotificationListsItsObjects() throws Exception {
        BackfillEvent event =
                BackfillEvent.parse(JSON.readTree(EVENTS.bytes("import-netscape.json")));

        assertThat(event)
                .isEqualTo(
                        new BackfillEvent.ObjectsCreated(
                                java.util.List.of(
                                        new ImportUpload(
                                                "linkcrawl-imports-123456789012-us-east-1",
                                                "imports/alice/bookmarks.html",
                                                "alice"))));
    }

    @Test
    void aScheduledEventCarriesItsTime() throws Exception {
        assertThat(BackfillEvent.parse(JSON.readTree(EVENTS.bytes("recrawl.json"))))
                .isEqualTo(new BackfillEvent.Scheduled(Instant.parse("2026-11-28T00:00:00Z")));
    }

    @Test
    void aRecordOtherThanObjectCreatedIsIgnored() throws Exception {
        JsonNode event = JSON.readTree(EVENTS.bytes("import-netscape.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("Records").get(0))
                .put("eventName", "ObjectRemoved:Delete");

        assertThat(((BackfillEvent.ObjectsCreated) BackfillEvent.parse(event)).objects())
                .containsExactly(
                        new ImportKey.Ignored(
                                "imports/alice/bookmarks.html",
                                ImportKey.IgnoreReason.NOT_OBJECT_CREATED));
    }

    @Test
    void anEventOfAnotherShapeIsRefused() throws Exception {
        JsonNode sqs =
                JSON.readTree("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}");

        assertThatThrownBy(() -> BackfillEvent.parse(sqs))
                .isInstanceOf(UnrecognisedEventException.class);
        assertThatThrownBy(() -> BackfillEvent.parse(JSON.readTree("{\"hello\":1}")))
                .isInstanceOf(UnrecognisedEventException.class);
        assertThatThrownBy(() -> BackfillEvent.parse(JSON.readTree("[]")))
                .isInstanceOf(UnrecognisedEventException.class);
    }

    @Test
    void anS3RecordWithoutKeyIsRefused() throws Exception {
        JsonNode event = JSON.readTree(EVENTS.bytes("import-netscape.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        event.get("Records").get(0).get("s3").get("object"))
                .remove("key");

        assertThatThrownBy(() -> BackfillEvent.parse(event))
                .isInstanceOf(UnrecognisedEventException.class);
    }
}
