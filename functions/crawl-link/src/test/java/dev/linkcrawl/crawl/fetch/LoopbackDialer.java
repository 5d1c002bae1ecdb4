package dev.linkcrawl.crawl.fetch;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The dial filter every fetcher under test uses: it records each address the fetcher was about to
 * dial and refuses all but loopback, so no test can send a packet beyond this machine whatever the
 * code under test does.
 */
final class LoopbackDialer implements Predicate<InetSocketAddress> {

    private final List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();

    @Override
    public boolean test(InetSocketAddress address) {
        dialled.add(address);
        return address.getAddress().isLoopbackAddress();
    }

    /** Every address the fetcher tried to dial, in order. */
    List<InetSocketAddress> dialled() {
        return List.copyOf(dialled);
    }
}
