package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Against a loopback server that answers each connection's first request and then closes it, the
 * way a restarted node leaves the JDK's kept-alive connections behind.
 */
class ClosedConnectionRetryTest {

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean answer = true;
    private volatile boolean hang;
    private SdkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
        client =
                new ClosedConnectionRetry(
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(1))
                                .socketTimeout(Duration.ofSeconds(1))
                                .build());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                int number = connections.incrementAndGet();
                InputStream in = socket.getInputStream();
                readRequest(in);
                if (hang) {
                    Thread.sleep(2_000);
                } else if (answer) {
                    byte[] body = ("connection " + number).getBytes(StandardCharsets.US_ASCII);
                    OutputStream out = socket.getOutputStream();
                    out.write(
                            ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    // The next request on this connection is read, then the connection closed
                    // unanswered: a server dropping an idle connection as the request arrives.
                    readRequest(in);
                }
            } catch (IOException | InterruptedException e) {
                // The server closed under accept, or the client hung up: the next loop decides.
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        int length = 0;
        for (String line = reader.readLine();
                line != null && !line.isEmpty();
                line = reader.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        reader.skip(length);
    }

    private String post(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpExecuteResponse response =
                client.prepareRequest(
                                HttpExecuteRequest.builder()
                                        .request(
                                                SdkHttpFullRequest.builder()
                                                        .uri(
                                                                URI.create(
                                                                        "http://127.0.0.1:"
                                                                                + server
                                                                                        .getLocalPort()
                                                                                + "/counts/_update/x"))
                                                        .method(SdkHttpMethod.POST)
                                                        .putHeader(
                                                                "Content-Length",
                                                                Integer.toString(bytes.length))
                                                        .build())
                                        .contentStreamProvider(
                                                ContentStreamProvider.fromByteArray(bytes))
                                        .build())
                        .call();
        try (InputStream in = response.responseBody().orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void resendsARequestWhoseKeptAliveConnectionTheServerClosedUnanswered() throws Exception {
        assertThat(post("{\"first\": 1}")).isEqualTo("connection 1");

        assertThat(post("{\"second\": 2}")).isEqualTo("connection 2");
    }

    @Test
    void resendsOnlyOnce() throws Exception {
        answer = false;

        assertThatThrownBy(() -> post("{\"first\": 1}")).isInstanceOf(SocketException.class);
        assertThat(connections).hasValue(2);
    }

    @Test
    void neverResendsARequestThatTimedOut() {
        hang = true;

        assertThatThrownBy(() -> post("{\"first\": 1}"))
                .isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(connections).hasValue(1);
    }
}
