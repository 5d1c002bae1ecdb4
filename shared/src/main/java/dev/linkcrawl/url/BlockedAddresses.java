package dev.linkcrawl.url;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a crawl must never dial: the IANA IPv4 and IPv6 special-purpose registries.
 *
 * <p>This is the authority of the SSRF model: the string rules on a URL are a first filter, and the
 * fetcher asks this class about every address DNS returned before it connects to any of them.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are judged by their embedded IPv4 address;
 * every other range that embeds IPv4 (IPv4-compatible {@code ::/96}, IPv4-translated {@code
 * ::ffff:0:0:0/96}, NAT64, 6to4, Teredo) is blocked whole, since where its far end leads cannot be
 * judged from here.
 *
 * <p>Beyond the ranges SSRF filters usually list, three are blocked too: {@code ::ffff:0:0:0/96}
 * (IPv4-translated, RFC 2765: an SIIT translator sends {@code ::ffff:0:7f00:1} to 127.0.0.1),
 * {@code 3fff::/20} (documentation, RFC 9637) and {@code 5f00::/16} (SRv6 segment identifiers, RFC
 * 9602); none is globally reachable.
 */
public final class BlockedAddresses {

    /** One CIDR block, matched by comparing the first {@code prefixLength} bits. */
    private record Range(String cidr, byte[] network, int prefixLength) {

        static Range ipv4(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network =
                    Ipv4Literal.parseDottedQuad(cidr.substring(0, slash))
                            .orElseThrow(() -> new IllegalArgumentException(cidr))
                            .bytes();
            return new Range(cidr, network, Integer.parseInt(cidr.substring(slash + 1)));
        }

        static Range ipv6(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network =
                    Ipv6Literal.parse(cidr.substring(0, slash))
                            .orElseThrow(() -> new IllegalArgumentException(cidr))
                            .bytes();
            return new Range(cidr, network, Integer.parseInt(cidr.substring(slash + 1)));
        }

        boolean contains(byte[] address) {
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
                    Range.ipv4("0.0.0.0/8"),
                    Range.ipv4("10.0.0.0/8"),
                    Range.ipv4("100.64.0.0/10"),
                    Range.ipv4("127.0.0.0/8"),
                    Range.ipv4("169.254.0.0/16"),
                    Range.ipv4("172.16.0.0/12"),
                    Range.ipv4("192.0.0.0/24"),
                    Range.ipv4("192.0.2.0/24"),
                    Range.ipv4("192.88.99.0/24"),
                    Range.ipv4("192.168.0.0/16"),
                    Range.ipv4("198.18.0.0/15"),
                    Range.ipv4("198.51.100.0/24"),
                    Range.ipv4("203.0.113.0/24"),
                    Range.ipv4("224.0.0.0/4"),
                    Range.ipv4("240.0.0.0/4"),
                    Range.ipv4("255.255.255.255/32"));

    /** Most specific first, so {@code ::1} reports {@code ::1/128} rather than {@code ::/96}. */
    private static final List<Range> IPV6 =
            List.of(
                    Range.ipv6("::/128"),
                    Range.ipv6("::1/128"),
                    Range.ipv6("::/96"),
                    Range.ipv6("::ffff:0:0:0/96"),
                    Range.ipv6("64:ff9b::/96"),
                    Range.ipv6("64:ff9b:1::/48"),
                    Range.ipv6("100::/64"),
                    Range.ipv6("2001::/23"),
                    Range.ipv6("2001:db8::/32"),
                    Range.ipv6("2002::/16"),
                    Range.ipv6("3fff::/20"),
                    Range.ipv6("5f00::/16"),
                    Range.ipv6("fc00::/7"),
                    Range.ipv6("fe80::/10"),
                    Range.ipv6("fec0::/10"),
                    Range.ipv6("ff00::/8"));

    private static final Range IPV4_MAPPED = Range.ipv6("::ffff:0:0/96");

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
            return rangeOf(embedded).map(range -> IPV4_MAPPED.cidr() + " (" + range + ")");
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
}
