package dev.linkcrawl.bench;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.util.Set;

/**
 * A benchmark's own link to one of its loopback servers, normalised as {@code POST /links} would
 * queue it: the server's {@code host:port} is exempt from the URL rules (its port included), as
 * {@code ALLOWED_PRIVATE_HOSTS} exempts it for the crawl function.
 */
final class LoopbackLink {

    private LoopbackLink() {}

    /**
     * @throws IllegalStateException when the rules refuse it anyway: a bug in the benchmark
     */
    static LinkUrl of(String raw, HostPort server) {
        return switch (LinkUrl.check(raw, new UrlPolicy(UrlPolicy.DEFAULT_PORTS, Set.of(server)))) {
            case UrlCheck.Accepted accepted -> accepted.url();
            case UrlCheck.Rejected rejected ->
                    throw new IllegalStateException(
                            "the bench's own link " + raw + " is refused: " + rejected.detail());
        };
    }
}
