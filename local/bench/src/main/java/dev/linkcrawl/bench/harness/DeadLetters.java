package dev.linkcrawl.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads what the dead-letter queues hold, where an operator would look. Reading either leaves the
 * messages there (hidden for {@value #PEEK_SECONDS} seconds, so each is read once) or removes them,
 * for tests that run one scenario after another on the same queues.
 */
public final class DeadLetters {

    /** How long a message read without removing stays hidden: 60 seconds. */
    static final int PEEK_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final List<String> queueUrls;

    public DeadLetters(SqsClient sqs, List<String> queueUrls) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrls = List.copyOf(queueUrls);
    }

    /**
     * One dead-lettered message.
     *
     * @param id the link id in the body, when the body is a crawl message with one
     * @param owner the owner in the body, likewise
     */
    public record DeadLetter(
            String queueUrl, String body, Optional<String> id, Optional<String> owner) {

        /** The link id, or the raw body for a message without one (a poison message). */
        public String key() {
            return id.orElse("body:" + body);
        }
    }

    /**
     * Every message of the dead-letter queues.
     *
     * @param remove whether to delete what was read
     */
    public List<DeadLetter> read(boolean remove) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String url : queueUrls) {
            while (true) {
                List<Message> batch =
                        sqs.receiveMessage(
                                        receive ->
                                                receive.queueUrl(url)
                                                        .maxNumberOfMessages(10)
                                                        .visibilityTimeout(PEEK_SECONDS)
                                                        .waitTimeSeconds(0))
                                .messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    letters.add(letter(url, message.body()));
                    if (remove) {
                        sqs.deleteMessage(
                                delete ->
                                        delete.queueUrl(url)
                                                .receiptHandle(message.receiptHandle()));
                    }
                }
            }
        }
        return letters;
    }

    /** Reads one dead-lettered body (a crawl message, or anything else). */
    public static DeadLetter letter(String queueUrl, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        return new DeadLetter(queueUrl, body, text(json, "id"), text(json, "owner"));
    }

    private static Optional<String> text(JsonNode json, String field) {
        if (json == null || !json.path(field).isTextual()) {
            return Optional.empty();
        }
        return Optional.of(json.path(field).asText());
    }
}
