package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/**
 * Settings and fetchers for tests: short deadlines, and exemptions for named fixture ports only.
 */
final class TestFetchers {

    /** The fetch deadline in tests: 3 seconds, so a hung case costs little. */
    static final Duration DEADLINE = Duration.ofSeconds(3);

    private TestFetchers() {}

    /**
     * The default ports plus {@code extraPorts}, and {@code host:port} exempt for each port given.
     */
    static UrlPolicy exempting(String host, int... ports) {
        Set<HostPort> exempt = new HashSet<>();
        for (int port : ports) {
            exempt.add(new HostPort(host, port));
        }
        return new UrlPolicy(UrlPolicy.DEFAULT_PORTS, exempt);
    }

    static FetchSettings settings(UrlPolicy policy) {
        return FetchSettings.defaults().withDeadline(DEADLINE).withUrlPolicy(policy);
    }

    static OkHttpPageFetcher fetcher(
            FetchSettings settings, HostResolver resolver, LoopbackDialer dialer) {
        return new OkHttpPageFetcher(settings, resolver, new OkHttpClient(), dialer);
    }

    static MockWebServer startServer() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }
}
