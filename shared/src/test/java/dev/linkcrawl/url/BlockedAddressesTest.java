package dev.linkcrawl.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * A few readable specifications; {@code url-rules.tsv} checks every range at its first and last
 * address and at the address on each side.
 */
class BlockedAddressesTest {

    /** Builds an address from bytes: {@link InetAddress#getByAddress(byte[])} never looks up. */
    private static InetAddress ipv4(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static byte[] ipv6(String text) {
        return Ipv6Literal.parse(text).orElseThrow().bytes();
    }

    @Test
    void namesTheRangeOfALoopbackAddress() throws UnknownHostException {
        assertThat(BlockedAddresses.rangeOf(ipv4(127, 0, 0, 1))).contains("127.0.0.0/8");
        assertThat(BlockedAddresses.isBlocked(ipv4(127, 0, 0, 1))).isTrue();
    }

    @Test
    void letsAPublicAddressThrough() throws UnknownHostException {
        assertThat(BlockedAddresses.rangeOf(ipv4(93, 184, 216, 34))).isEmpty();
        assertThat(BlockedAddresses.isBlocked(ipv4(93, 184, 216, 34))).isFalse();
    }

    @Test
    void blocksTheCloudMetadataAddressesOfBothFamilies() throws UnknownHostException {
        assertThat(BlockedAddresses.rangeOf(ipv4(169, 254, 169, 254))).contains("169.254.0.0/16");
        assertThat(BlockedAddresses.rangeOf(ipv6("fd00:ec2::254"))).contains("fc00::/7");
    }

    @Test
    void judgesAnIpv4MappedAddressByTheIpv4AddressInside() {
        assertThat(BlockedAddresses.rangeOf(ipv6("::ffff:127.0.0.1")))
                .contains("::ffff:0:0/96 (127.0.0.0/8)");
        assertThat(BlockedAddresses.rangeOf(ipv6("::ffff:93.184.216.34"))).isEmpty();
    }

    @Test
    void catchesTheIpv4CompatibleLoopbackThatTheJdkDoesNotCallLoopback()
            throws UnknownHostException {
        InetAddress compatible = InetAddress.getByAddress(ipv6("::7f00:1"));

        assertThat(compatible).isInstanceOf(Inet6Address.class);
        assertThat(compatible.isLoopbackAddress()).isFalse();
        assertThat(BlockedAddresses.rangeOf(compatible)).contains("::/96");
    }

    @Test
    void blocksTranslationAndTunnelRangesWholeEvenAroundAPublicIpv4() {
        assertThat(BlockedAddresses.rangeOf(ipv6("64:ff9b::5db8:d822"))).contains("64:ff9b::/96");
        assertThat(BlockedAddresses.rangeOf(ipv6("2002:5db8:d822::"))).contains("2002::/16");
        assertThat(BlockedAddresses.rangeOf(ipv6("2001:0:5db8:d822::"))).contains("2001::/23");
    }

    @Test
    void blocksTheIpv4TranslatedRangeWholeThatAnSiitTranslatorWouldSendToLoopback() {
        assertThat(BlockedAddresses.rangeOf(ipv6("::ffff:0:7f00:1"))).contains("::ffff:0:0:0/96");
        assertThat(BlockedAddresses.rangeOf(ipv6("::ffff:0:5db8:d822")))
                .contains("::ffff:0:0:0/96");
    }

    @Test
    void reportsTheMostSpecificRange() {
        assertThat(BlockedAddresses.rangeOf(ipv6("::1"))).contains("::1/128");
        assertThat(BlockedAddresses.rangeOf(ipv6("::"))).contains("::/128");
    }

    @Test
    void letsAPublicIpv6AddressThrough() {
        assertThat(BlockedAddresses.rangeOf(ipv6("2606:4700:4700::1111"))).isEmpty();
    }

    @Test
    void refusesARawAddressOfAnyOtherLength() {
        assertThatThrownBy(() -> BlockedAddresses.rangeOf(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 or 16 bytes");
    }
}
