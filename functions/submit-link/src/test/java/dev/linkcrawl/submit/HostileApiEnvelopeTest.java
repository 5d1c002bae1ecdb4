package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.testing.FixtureBytes;
import dev.linkcrawl.testing.FixtureTable;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.url.UrlPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile {@code POST /links} envelopes, one case a row of {@code hostile-envelope.tsv}: content
 * types, sizes, JSON tricks and missing identity, each sent through {@link
 * SubmitLinkHandler#handleRequest} with an in-memory queue. Every row names the exact status,
 * problem type and field errors; every refusal queues nothing and its {@code detail} never echoes
 * the input; no answer is a 5xx; whatever is queued is a message SQS accepts.
 */
class HostileApiEnvelopeTest {

    private static final String RESOURCE = "hostile-envelope.tsv";
    private static final String MARKER = "pwned";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SampleEvents EVENTS = new SampleEvents("submit-link");

    private final InMemoryCrawlQueue queue = new InMemoryCrawlQueue();
    private final SubmitLinkHandler handler =
            new SubmitLinkHandler(
                    new SubmitLink(
                            queue,
                            UrlPolicy.DEFAULT,
                            Clock.fixed(Instant.parse("2026-11-27T10:30:00Z"), ZoneOffset.UTC)));

    /** One row, its cells named. */
    record Case(FixtureTable.Row row) {
        String identity() {
            return row.cell(1);
        }

        String contentType() {
            return row.cell(2);
        }

        String transport() {
            return row.cell(3);
        }

        String body() {
            return row.cell(4);
        }

        int status() {
            return Integer.parseInt(row.cell(5));
        }

        String problem() {
            return row.cell(6);
        }

        List<String> errors() {
            return row.cell(7).equals("-") ? List.of() : List.of(row.cell(7).split(","));
        }

        @Override
        public String toString() {
            return row.name();
        }
    }

    static List<Case> cases() {
        return FixtureTable.read(HostileApiEnvelopeTest.class, RESOURCE, 8).stream()
                .map(Case::new)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersExactlyAsDesigned(Case c) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(c), null);

        assertThat(response.getStatusCode()).as("status").isEqualTo(c.status()).isLessThan(500);
        if (c.status() == 202) {
            assertQueued(response);
        } else {
            assertRefused(c, response);
        }
    }

    private void assertQueued(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(JSON.readTree(response.getBody()).get("status").asText()).isEqualTo("queued");
        assertThat(queue.sent).hasSize(1);
        String body = new CrawlMessageCodec().encode(queue.sent.getFirst());
        assertThat(body.codePoints().filter(c -> !isAllowedBySqs(c)).boxed().toList())
                .as("code points SQS refuses in a message body")
                .isEmpty();
    }

    private void assertRefused(Case c, APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo(ProblemType.BASE_URI + c.problem());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("title").asText().toLowerCase(Locale.ROOT)).doesNotContain(MARKER);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("detail").asText().toLowerCase(Locale.ROOT))
                .as("detail echoes the input")
                .doesNotContain(MARKER);
        List<String> errors = new ArrayList<>();
        if (problem.has("errors")) {
            for (JsonNode error : problem.get("errors")) {
                errors.add(error.get("pointer").asText() + "=" + error.get("code").asText());
                assertThat(error.get("pointer").asText())
                        .matches("(/[A-Za-z0-9_-]{1,64}(/[0-9]+)?)?");
            }
        }
        assertThat(errors).containsExactlyInAnyOrderElementsOf(c.errors());
        assertThat(queue.sent).as("queued on a refusal").isEmpty();
    }

    /** SQS message bodies: #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD, #x10000 and up. */
    private static boolean isAllowedBySqs(int c) {
        return c == 0x9
                || c == 0xa
                || c == 0xd
                || (c >= 0x20 && c <= 0xd7ff)
                || (c >= 0xe000 && c <= 0xfffd)
                || (c >= 0x10000 && c <= 0x10ffff);
    }

    static APIGatewayV2HTTPEvent event(Case c) throws CharacterCodingException {
        APIGatewayV2HTTPEvent event = EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-type");
        if (!c.contentType().equals("(none)")) {
            headers.put("content-type", FixtureBytes.text(c.contentType()));
        }
        byte[] body = FixtureBytes.decode(c.body());
        switch (c.transport()) {
            case "text" -> {
                event.setBody(utf8(body));
                event.setIsBase64Encoded(false);
            }
            case "base64" -> {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
            case "base64-raw" -> {
                event.setBody(c.body());
                event.setIsBase64Encoded(true);
            }
            case "base64-mime" -> {
                event.setBody(Base64.getMimeEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
            default -> throw new IllegalArgumentException("transport " + c.transport());
        }
        var context = event.getRequestContext();
        var jwt = context.getAuthorizer().getJwt();
        switch (c.identity()) {
            case "user" -> {}
            case "no-request-context" -> event.setRequestContext(null);
            case "no-authorizer" -> context.setAuthorizer(null);
            case "no-jwt" -> context.getAuthorizer().setJwt(null);
            case "no-claims" -> jwt.setClaims(null);
            case "no-sub" -> jwt.setClaims(Map.of("iss", "https://auth.example.com/"));
            case "empty-sub" -> jwt.setClaims(Map.of("sub", ""));
            case "blank-sub" -> jwt.setClaims(Map.of("sub", " \t "));
            case "header-only" -> {
                context.setAuthorizer(null);
                headers.put("authorization", "Bearer " + MARKER + ".unverified.token");
            }
            default -> throw new IllegalArgumentException("identity " + c.identity());
        }
        event.setHeaders(headers);
        return event;
    }

    /** A text body must be valid UTF-8: API Gateway hands the function a string. */
    private static String utf8(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    }

    @Test
    void everyRefusalCarriesTheEchoMarkerUnlessItsBodyIsTiny() {
        assertThat(cases())
                .filteredOn(c -> c.status() != 202)
                .allSatisfy(
                        c ->
                                assertThat(
                                                FixtureBytes.text(c.body()).contains(MARKER)
                                                        || FixtureBytes.decode(c.body()).length
                                                                <= 16)
                                        .as("%s carries %s", c, MARKER)
                                        .isTrue());
    }

    @Test
    void coversEveryGroupOfTheBrief() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases())
                .extracting(Case::status)
                .contains(202, 400, 401, 413, 415, 422)
                .doesNotContain(500, 503);
    }

    @Test
    void aQueuedMessageCarriesTheTagsAndNoteAsSent() {
        Case emoji =
                cases().stream()
                        .filter(c -> c.row().name().equals("surrogate pair in the note"))
                        .findFirst()
                        .orElseThrow();

        try {
            handler.handleRequest(event(emoji), null);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }

        CrawlMessage message = queue.sent.getFirst();
        assertThat(message.note()).isEqualTo(MARKER + " \uD83D\uDE00");
    }
}
