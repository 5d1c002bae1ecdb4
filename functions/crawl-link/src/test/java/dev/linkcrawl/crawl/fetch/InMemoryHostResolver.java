package dev.linkcrawl.crawl.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS answers scripted per host, in order: the n-th lookup of a host gets its n-th answer (the last
 * one repeats), so a test can make a name change its answer between lookups. Counts lookups.
 */
final class InMemoryHostResolver implements HostResolver {

    private final Map<String, List<List<InetAddress>>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** Scripts the answers {@code host} gives, one list of literals per lookup. */
    @SafeVarargs
    final InMemoryHostResolver answer(String host, List<String>... successive) {
        List<List<InetAddress>> script = new ArrayList<>();
        for (List<String> literals : successive) {
            List<InetAddress> addresses = new ArrayList<>();
            for (String literal : literals) {
                try {
                    addresses.add(InetAddress.getByName(literal));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("not an IP literal: " + literal, e);
                }
            }
            script.add(addresses);
        }
        return answerAddresses(host, script);
    }

    /**
     * Scripts the answers {@code host} gives as address objects, one list per lookup: for answers a
     * literal cannot produce, such as an IPv4-mapped {@code Inet6Address} (the JDK turns the
     * literal {@code ::ffff:127.0.0.1} into an {@code Inet4Address}).
     */
    InMemoryHostResolver answerAddresses(String host, List<List<InetAddress>> successive) {
        if (successive.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one answer");
        }
        answers.put(host, List.copyOf(successive));
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
        List<List<InetAddress>> script = answers.get(host);
        if (script == null) {
            throw new UnknownHostException(host + ": Name or service not known");
        }
        return script.get(Math.min(n, script.size() - 1));
    }

    int lookups(String host) {
        AtomicInteger count = lookups.get(host);
        return count == null ? 0 : count.get();
    }
}
