package dev.linkcrawl.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Binding;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.FunctionLoader;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.HttpApiRoute;
import dev.linkcrawl.local.template.RouteThrottle;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.testing.EmbeddedSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The HTTP API emulator on a free loopback port, with fake handlers and with the real submit
 * function loaded from its jar against an embedded SQS server.
 */
@Timeout(60)
class ApiGatewayEmulatorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
    private EmbeddedSqs sqs;
    private String queueUrl;
    private ApiGatewayEmulator api;

    @BeforeEach
    void start() throws Exception {
        sqs = EmbeddedSqs.start();
        queueUrl = sqs.createQueue("CrawlQueue");
        SamTemplate template = SamTemplate.read(Path.of("../template.yaml"));
        LocalFunction submit =
                new FunctionLoader(Path.of(".."), Clock.systemUTC(), log)
                        .load(
                                template.function("SubmitLinkFunction"),
                                Map.of(
                                        "AWS_REGION",
                                        EmbeddedSqs.REGION,
                                        "AWS_ENDPOINT_URL_SQS",
                                        sqs.endpoint().toString(),
                                        "QUEUE_URL",
                                        queueUrl,
                                        // No OpenSearch here to count links a day against.
                                        "LINKS_PER_OWNER_PER_DAY",
                                        "0"));
        api =
                ApiGatewayEmulator.start(
                        0,
                        List.of(
                                new Binding(
                                        new HttpApiRoute("POST", "/links"),
                                        new Target.Ready(submit)),
                                new Binding(
                                        new HttpApiRoute("GET", "/echo/{id}"),
                                        new Target.Ready(
                                                fake("EchoFunction", ApiGatewayEmulatorIT::echo))),
                                new Binding(
                                        new HttpApiRoute("GET", "/throttled/{id}"),
                                        new Target.Ready(
                                                fake(
                                                        "ThrottledFunction",
                                                        (event, context) -> ok())),
                                        Optional.of(new RouteThrottle(0.001, 2))),
                                new Binding(
                                        new HttpApiRoute("GET", "/broken"),
                                        new Target.Ready(
                                                fake(
                                                        "BrokenFunction",
                                                        (event, context) -> {
                                                            throw new IllegalStateException("boom");
                                                        }))),
                                new Binding(
                                        new HttpApiRoute("GET", "/links"),
                                        new Target.Unavailable(
                                                "QueryLinksFunction",
                                                FunctionUnavailableException.Reason.NOT_BUILT,
                                                "handler class not built"))),
                        new InvocationLog(log),
                        Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        sqs.close();
    }

    @Test
    void postedLinkIsAcceptedAndLandsOnTheQueue() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(api.url().resolve("/links"))
                                .header("Authorization", "Bearer alice")
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"url\":\"https://example.com/\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        assertThat(accepted.get("status").asText()).isEqualTo("queued");
        assertThat(response.headers().firstValue("Location"))
                .contains("/links/" + accepted.get("id").asText());
        List<Message> messages = receive();
        assertThat(messages).hasSize(1);
        JsonNode message = JSON.readTree(messages.getFirst().body());
        assertThat(message.get("owner").asText()).isEqualTo("alice");
        assertThat(message.get("url").asText()).isEqualTo("https://example.com/");
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .containsPattern("SubmitLinkFunction +POST /links +202");
    }

    @Test
    void callerIsTheSubjectOfABearerJwt() throws Exception {
        String token =
                base64Url("{\"alg\":\"none\"}")
                        + "."
                        + base64Url("{\"sub\":\"user-7\",\"aud\":\"linkcrawl\"}")
                        + ".sig";

        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(api.url().resolve("/links"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"url\":\"https://example.com/a\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(receive().getFirst().body()).get("owner").asText())
                .isEqualTo("user-7");
    }

    @Test
    void withoutAuthorizationTheHandlerAnswers401AndNothingIsQueued() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(api.url().resolve("/links"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"url\":\"https://example.com/\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/problem+json");
        assertThat(receive()).isEmpty();
    }

    @Test
    void requestsPastARoutesBurstAnswer429LikeApiGateway() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(
                            send(HttpRequest.newBuilder(api.url().resolve("/throttled/" + i)))
                                    .statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> third =
                send(HttpRequest.newBuilder(api.url().resolve("/throttled/3")));

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void unknownRouteAnswers404LikeApiGateway() throws Exception {
        HttpResponse<String> unknownPath = send(HttpRequest.newBuilder(api.url().resolve("/nope")));
        HttpResponse<String> wrongMethod =
                send(HttpRequest.newBuilder(api.url().resolve("/links")).DELETE());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void eventCarriesPathParametersQueryAndClaims() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(api.url().resolve("/echo/abc?size=5&tag=x&tag=y"))
                                .header("Authorization", "Bearer bob")
                                .header("X-Trace", "t1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"routeKey":"GET /echo/{id}","rawPath":"/echo/abc",
                                 "id":"abc","query":{"size":"5","tag":"x,y"},
                                 "sub":"bob","trace":"t1","sourceIp":"127.0.0.1"}
                                """));
    }

    @Test
    void handlerErrorIsA500WithoutDetails() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api.url().resolve("/broken")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void routeOfAFunctionNotBuiltYetAnswers501() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api.url().resolve("/links")));

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("handler class not built");
    }

    @Test
    void payloadOverTenMegabytesAnswers413() throws Exception {
        byte[] body = new byte[ApiGatewayEmulator.MAX_PAYLOAD_BYTES + 1];

        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(api.url().resolve("/links"))
                                .header("Authorization", "Bearer alice")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(receive()).isEmpty();
    }

    private static APIGatewayV2HTTPResponse ok() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        return response;
    }

    private static APIGatewayV2HTTPResponse echo(APIGatewayV2HTTPEvent event, Object context) {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        response.setHeaders(Map.of("Content-Type", "application/json"));
        response.setBody(
                JSON.createObjectNode()
                        .put("routeKey", event.getRouteKey())
                        .put("rawPath", event.getRawPath())
                        .put("id", event.getPathParameters().get("id"))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                "query", JSON.valueToTree(event.getQueryStringParameters()))
                        .put(
                                "sub",
                                event.getRequestContext()
                                        .getAuthorizer()
                                        .getJwt()
                                        .getClaims()
                                        .get("sub"))
                        .put("trace", event.getHeaders().get("x-trace"))
                        .put("sourceIp", event.getRequestContext().getHttp().getSourceIp())
                        .toString());
        return response;
    }

    private LocalFunction fake(
            String name, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return new LocalFunction(name, Duration.ofSeconds(5), 128, handler, Clock.systemUTC(), log);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<Message> receive() {
        return sqs.client()
                .receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
