package dev.linkcrawl.prime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.CannedHttpClient.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS client for priming: configured as {@link SqsClients#create} configures the functions'
 * clients, with fixed placeholder credentials, sending through a {@link CannedHttpClient} that
 * answers {@code SendMessage} and {@code SendMessageBatch} as SQS does (message ids and the MD5
 * digests the SDK checks). Nothing leaves the process.
 */
public final class SqsPriming {

    /** A queue URL for priming requests; never contacted. */
    public static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/000000000000/prime";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsPriming() {}

    /** A client whose calls are answered in memory. */
    public static SqsClient client(Settings settings) {
        return SqsClients.configured(settings, Duration.ofSeconds(5), Duration.ofSeconds(10))
                .httpClient(new CannedHttpClient(SqsPriming::answer))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("priming", "priming")))
                .build();
    }

    private static Answer answer(CannedHttpClient.Request request) {
        String target = request.header("X-Amz-Target");
        try {
            JsonNode body = JSON.readTree(request.body());
            ObjectNode answer = JSON.createObjectNode();
            if (target.endsWith(".SendMessage")) {
                answer.put("MessageId", messageId(body.path("MessageBody").asText()))
                        .put("MD5OfMessageBody", md5(body.path("MessageBody").asText()));
            } else if (target.endsWith(".SendMessageBatch")) {
                ArrayNode successful = answer.putArray("Successful");
                for (JsonNode entry : body.path("Entries")) {
                    successful
                            .addObject()
                            .put("Id", entry.path("Id").asText())
                            .put("MessageId", messageId(entry.path("MessageBody").asText()))
                            .put("MD5OfMessageBody", md5(entry.path("MessageBody").asText()));
                }
                answer.putArray("Failed");
            }
            return Answer.json(200, answer.toString());
        } catch (IOException e) {
            return Answer.json(400, "{\"__type\":\"InvalidParameterValue\"}");
        }
    }

    /**
     * A message id derived from the body: nothing random is drawn before the snapshot, whose state
     * every restored instance shares.
     */
    private static String messageId(String body) {
        return UUID.nameUUIDFromBytes(body.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("MD5")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
