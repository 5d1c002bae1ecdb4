package dev.linkcrawl.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a crawl must never dial: the IANA IPv4 and IPv6 special-purpose registries.
 *
 * <p>This is the authority of the SSRF model: the string rules on a URL are a first filter, and the
 * fetcher asks this class about every address DNS returned before it connects to any of them.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are judged by their embedded IPv4 address;
 * every other range that embeds IPv4 (IPv4-compatible, NAT64, 6to4, Teredo) is blocked whole, since
 * its far end cannot be judged from here.
 */
public final class BlockedAddresses {

    /** One CIDR block, matched by comparing the first {@code prefixLength} bits. */
    record Range(String cidr, byte[] network, int prefixLength) {
        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] bytes = literal(address);
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            return new Range(cidr, bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Range> IPV4 =
            List.of(
                            "0.0.0.0/8",
                            "10.0.0.0/8",
                            "100.64.0.0/10",
                            "127.0.0.0/8",
                            "169.254.0.0/16",
                            "172.16.0.0/12",
                            "192.0.0.0/24",
                            "192.0.2.0/24",
                            "192.88.99.0/24",
                            "192.168.0.0/16",
                            "198.18.0.0/15",
                            "198.51.100.0/24",
                            "203.0.113.0/24",
                            "224.0.0.0/4",
                            "240.0.0.0/4",
                            "255.255.255.255/32")
                    .stream()
                    .map(Range::of)
                    .toList();

    private static final List<Range> IPV6 =
            List.of(
                            "::/128",
                            "::1/128",
                            "::/96",
                            "64:ff9b::/96",
                            "64:ff9b:1::/48",
                            "100::/64",
                            "2001::/23",
                            "2001:db8::/32",
                            "2002::/16",
                            "fc00::/7",
                            "fe80::/10",
                            "fec0::/10",
                            "ff00::/8")
                    .stream()
                    .map(Range::of)
                    .toList();

    private static final Range IPV4_MAPPED = Range.of("::ffff:0:0/96");

    private BlockedAddresses() {}

    /** The blocked range that holds {@code address}, or empty when the address is public. */
    public static Optional<String> rangeOf(InetAddress address) {
        return rangeOf(address.getAddress());
    }

    /**
     * The blocked range that holds the raw address (4 or 16 bytes), or empty when it is public.
     *
     * @throws IllegalArgumentException when {@code address} is neither 4 nor 16 bytes long
     */
    public static Optional<String> rangeOf(byte[] address) {
        if (address.length == 16 && IPV4_MAPPED.contains(address)) {
            byte[] embedded = new byte[4];
            System.arraycopy(address, 12, embedded, 0, 4);
            return rangeOf(embedded).map(range -> "::ffff:0:0/96 (" + range + ")");
        }
        List<Range> ranges =
                switch (address.length) {
                    case 4 -> IPV4;
                    case 16 -> IPV6;
                    default ->
                            throw new IllegalArgumentException(
                                    "an IP address has 4 or 16 bytes, not " + address.length);
                };
        for (Range range : ranges) {
            if (range.contains(address)) {
                return Optional.of(range.cidr());
            }
        }
        return Optional.empty();
    }

    /** Whether a crawl must refuse to connect to {@code address}. */
    public static boolean isBlocked(InetAddress address) {
        return rangeOf(address).isPresent();
    }

    /** Parses an IP literal without any DNS lookup (the JDK parses literals itself). */
    private static byte[] literal(String address) {
        if (!address.contains(":") && !address.matches("[0-9.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address || parsed instanceof Inet4Address) {
                return address.contains(":") ? to16(parsed.getAddress()) : parsed.getAddress();
            }
            throw new IllegalArgumentException("not an IP literal: " + address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + address, e);
        }
    }

    /** The JDK turns an IPv4-mapped literal into 4 bytes; a range written in IPv6 keeps 16. */
    private static byte[] to16(byte[] bytes) {
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }
}
