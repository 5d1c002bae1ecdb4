package dev.linkcrawl.prime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: each request is answered in memory by a
 * function of the request. An SDK client built over it runs its whole pipeline (endpoint
 * resolution, signing, marshalling, retries, unmarshalling, checksums) without network I/O.
 */
public final class CannedHttpClient implements SdkHttpClient {

    /** A request as the answering function sees it. */
    public record Request(
            SdkHttpMethod method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            byte[] body) {

        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The first value of a header, ignoring case, or an empty string. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst()
                    .orElse("");
        }
    }

    /** A response: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** {@code status} with a JSON body. */
        public static Answer json(int status, String json) {
            return new Answer(
                    status,
                    Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code status} without a body. */
        public static Answer empty(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
    }

    private final Function<Request, Answer> answers;
    private final AtomicInteger served = new AtomicInteger();

    public CannedHttpClient(Function<Request, Answer> answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    /** How many requests were answered. */
    public int served() {
        return served.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body =
                        request.contentStreamProvider()
                                .map(provider -> readAll(provider.newStream()))
                                .orElse(new byte[0]);
                Answer answer =
                        answers.apply(
                                new Request(
                                        request.httpRequest().method(),
                                        request.httpRequest().encodedPath(),
                                        request.httpRequest().rawQueryParameters(),
                                        request.httpRequest().headers(),
                                        body));
                served.incrementAndGet();
                SdkHttpResponse.Builder response =
                        SdkHttpResponse.builder()
                                .statusCode(answer.status())
                                .putHeader(
                                        "Content-Length", Integer.toString(answer.body().length));
                answer.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(
                                AbortableInputStream.create(
                                        new ByteArrayInputStream(answer.body())))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {}

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
