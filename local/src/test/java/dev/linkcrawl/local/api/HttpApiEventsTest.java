package dev.linkcrawl.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.linkcrawl.local.template.HttpApiRoute;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP requests as payload 2.0 events. */
class HttpApiEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final HttpApiRoute GET_LINK = new HttpApiRoute("GET", "/links/{id}");

    @Test
    void carriesRouteKeyPathQueryAndPathParameters() {
        APIGatewayV2HTTPEvent event =
                event(
                        request(
                                "GET",
                                "/links/abc",
                                "q=slow+links&tag=a&tag=b&size=",
                                Map.of(),
                                ""),
                        Map.of("id", "abc"));

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /links/{id}");
        assertThat(event.getRawPath()).isEqualTo("/links/abc");
        assertThat(event.getRawQueryString()).isEqualTo("q=slow+links&tag=a&tag=b&size=");
        assertThat(event.getQueryStringParameters())
                .containsExactlyEntriesOf(map("q", "slow links", "tag", "a,b", "size", ""));
        assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "abc"));
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("GET /links/{id}");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/links/abc");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.getRequestContext().getTime()).isEqualTo("27/Nov/2026:10:30:00 +0000");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
    }

    @Test
    void withoutQueryOrPathParametersThoseMapsAreAbsent() {
        APIGatewayV2HTTPEvent event =
                HttpApiEvents.event(
                        request("POST", "/links", "", Map.of(), ""),
                        new HttpApiRoute("POST", "/links"),
                        Map.of(),
                        NOW);

        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getBody()).isNull();
    }

    @Test
    void headersAreLowercaseWithRepeatedValuesJoinedAndCookiesSeparate() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-tag", List.of("a", "b"));
        headers.put("cookie", List.of("theme=dark; session=1"));
        headers.put("user-agent", List.of("curl/8.5.0"));

        APIGatewayV2HTTPEvent event =
                event(request("GET", "/links/x", "", headers, ""), Map.of("id", "x"));

        assertThat(event.getHeaders())
                .containsEntry("x-tag", "a,b")
                .containsEntry("user-agent", "curl/8.5.0")
                .doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("theme=dark", "session=1");
        assertThat(event.getRequestContext().getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
    }

    @Test
    void jsonBodyIsTextAndBinaryBodyIsBase64() {
        APIGatewayV2HTTPEvent json =
                event(
                        request(
                                "GET",
                                "/links/x",
                                "",
                                Map.of("content-type", List.of("application/json; charset=utf-8")),
                                "{\"url\":\"https://example.com/\"}"),
                        Map.of("id", "x"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        APIGatewayV2HTTPEvent binary =
                event(
                        new IncomingRequest(
                                "GET",
                                "/links/x",
                                "",
                                Map.of("content-type", List.of("image/png")),
                                png,
                                "127.0.0.1"),
                        Map.of("id", "x"));

        assertThat(json.getBody()).isEqualTo("{\"url\":\"https://example.com/\"}");
        assertThat(json.getIsBase64Encoded()).isFalse();
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(png);
    }

    @Test
    void bearerTokenBecomesJwtAuthorizerClaims() {
        APIGatewayV2HTTPEvent event =
                event(
                        request(
                                "GET",
                                "/links/x",
                                "",
                                Map.of("authorization", List.of("Bearer alice")),
                                ""),
                        Map.of("id", "x"));

        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .isEqualTo(Map.of("sub", "alice"));
    }

    @Test
    void withoutAuthorizationThereIsNoAuthorizerBlock() {
        APIGatewayV2HTTPEvent event =
                event(request("GET", "/links/x", "", Map.of(), ""), Map.of("id", "x"));

        assertThat(event.getRequestContext().getAuthorizer()).isNull();
    }

    private static APIGatewayV2HTTPEvent event(IncomingRequest request, Map<String, String> path) {
        return HttpApiEvents.event(request, GET_LINK, path, NOW);
    }

    private static IncomingRequest request(
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body) {
        return new IncomingRequest(
                method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
