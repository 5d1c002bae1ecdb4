package dev.linkcrawl.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.linkcrawl.local.template.HttpApiRoute;
import dev.linkcrawl.local.template.Intrinsics;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event an HTTP API (payload format 2.0) sends its Lambda
 * integration: lowercase headers with repeated values joined by commas, cookies in their own list,
 * decoded query and path parameters, the caller's JWT claims under {@code
 * requestContext.authorizer.jwt}, and a body that is text for textual content types and base64
 * ({@code isBase64Encoded}) otherwise.
 */
public final class HttpApiEvents {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {}

    /** The event for {@code request} on {@code route}, received at {@code now}. */
    public static APIGatewayV2HTTPEvent event(
            IncomingRequest request,
            HttpApiRoute route,
            Map<String, String> pathParameters,
            Instant now) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(route.routeKey());
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers()
                .forEach(
                        (name, values) -> {
                            if (name.equals("cookie")) {
                                for (String value : values) {
                                    for (String cookie : value.split(";")) {
                                        if (!cookie.isBlank()) {
                                            cookies.add(cookie.strip());
                                        }
                                    }
                                }
                            } else {
                                headers.put(name, String.join(",", values));
                            }
                        });
        event.setHeaders(headers);
        event.setCookies(cookies.isEmpty() ? null : cookies);
        Map<String, String> query = queryParameters(request.rawQuery());
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters));

        setBody(event, request);

        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRouteKey(route.routeKey());
        context.setAccountId(Intrinsics.ACCOUNT_ID);
        context.setApiId("local");
        context.setStage("$default");
        String host = request.header("host") == null ? "127.0.0.1" : request.header("host");
        context.setDomainName(host);
        context.setDomainPrefix(host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        context.setRequestId(UUID.randomUUID().toString());
        context.setTime(TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        APIGatewayV2HTTPEvent.RequestContext.Http http =
                new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol("HTTP/1.1");
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(request.header("user-agent"));
        context.setHttp(http);
        BearerIdentity.fromAuthorization(request.header("authorization"))
                .ifPresent(
                        identity -> {
                            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                                    new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
                            jwt.setClaims(identity.claims());
                            jwt.setScopes(identity.scopes().isEmpty() ? null : identity.scopes());
                            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                                    new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
                            authorizer.setJwt(jwt);
                            context.setAuthorizer(authorizer);
                        });
        event.setRequestContext(context);
        return event;
    }

    /** Query parameters, decoded; a repeated name holds its values joined by commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static void setBody(APIGatewayV2HTTPEvent event, IncomingRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
            return;
        }
        String contentType = request.header("content-type");
        if (isText(contentType, body)) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
    }

    /** Textual media types travel as text; without a type, valid UTF-8 does. */
    static boolean isText(String contentType, byte[] body) {
        if (contentType == null) {
            return isUtf8(body);
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/graphql");
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
