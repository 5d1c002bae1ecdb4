package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An OpenSearch that accepts a document write and never answers must not make the crawl function
 * run past its own timeout: the handler gives the write up within {@link
 * CrawlDeadlines#INDEXING_MARGIN} and reports the message as a batch item failure, so it comes
 * back, instead of being cut by Lambda (which would also skip the failed document the last delivery
 * writes). The index here is a loopback server that answers the index check and holds every write.
 */
class StalledIndexIT {

    private static final String PAGE =
            "<html><head><title>Stalled</title></head><body><p>A page.</p></body></html>";

    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer site;
    private HttpServer index;

    @BeforeEach
    void start() throws IOException {
        site = server();
        site.createContext(
                "/",
                exchange -> {
                    byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        index = server();
        index.createContext(
                "/",
                exchange -> {
                    if (!exchange.getRequestMethod().equals("HEAD")) {
                        try {
                            released.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        site.start();
        index.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        site.stop(0);
        index.stop(0);
        executor.shutdownNow();
    }

    @Test
    @Timeout(60)
    void writeThatNeverAnswersIsGivenUpBeforeTheFunctionTimeout() {
        Duration functionTimeout = Duration.ofSeconds(8);
        String pageUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/article";
        CrawlLinkHandler handler =
                new CrawlLinkHandler(
                        Settings.from(
                                Map.of(
                                        "OPENSEARCH_ENDPOINT",
                                        "http://127.0.0.1:" + index.getAddress().getPort(),
                                        "OPENSEARCH_AUTH",
                                        "none",
                                        "INDEX_NAME",
                                        "stalled",
                                        "ALLOWED_PRIVATE_HOSTS",
                                        "127.0.0.1:" + site.getAddress().getPort(),
                                        "FETCH_DEADLINE_MS",
                                        "1000")));
        Instant started = Instant.now();

        SQSBatchResponse response =
                handler.handleRequest(
                        event(pageUrl), new DeadlineContext(started.plus(functionTimeout)));

        Duration took = Duration.between(started, Instant.now());
        assertThat(took).isLessThan(functionTimeout);
        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("message-1");
    }

    private HttpServer server() throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        return server;
    }

    private static SQSEvent event(String url) {
        CrawlMessage message =
                new CrawlMessage(
                        new LinkId(LinkId.urlHash("alice\n" + url)),
                        url,
                        "alice",
                        Instant.now(),
                        CrawlSource.API,
                        List.of(),
                        null);
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("message-1");
        record.setBody(new CrawlMessageCodec().encode(message));
        record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** A Lambda context whose remaining time runs out at {@code deadline}. */
    private record DeadlineContext(Instant deadline) implements Context {
        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        public String getAwsRequestId() {
            return "request-1";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/CrawlLinkFunction";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "CrawlLinkFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:CrawlLinkFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1536;
        }
    }
}
