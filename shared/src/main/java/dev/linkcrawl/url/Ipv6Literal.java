package dev.linkcrawl.url;

import java.util.Optional;

/**
 * An IPv6 address written as text (without brackets), parsed by hand so that no string ever reaches
 * a resolver. Accepts the RFC 4291 forms: eight groups of 1 to 4 hex digits, one {@code ::}
 * standing for at least one zero group, and a trailing dotted quad (decimal, no leading zeros, as
 * in the WHATWG URL Standard). Zone ids ({@code %eth0}) are not part of an address and are refused.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
record Ipv6Literal(long high, long low) {

    static Optional<Ipv6Literal> parse(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int explicit = head.length + tail.length;
        if (gap < 0 ? explicit != 8 : explicit > 7) {
            return Optional.empty();
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | all[i];
            low = (low << 16) | all[i + 4];
        }
        return Optional.of(new Ipv6Literal(high, low));
    }

    static Ipv6Literal of(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new Ipv6Literal(high, low);
    }

    /**
     * The 16-bit groups of one side of {@code ::}, or null when malformed. A dotted quad may end
     * the side that ends the address, and counts as two groups.
     */
    private static int[] groups(String side, boolean endsAddress) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        String last = parts[parts.length - 1];
        boolean quad = endsAddress && last.indexOf('.') >= 0;
        int[] groups = new int[parts.length + (quad ? 1 : 0)];
        if (groups.length > 8) {
            return null;
        }
        for (int i = 0; i < parts.length - (quad ? 1 : 0); i++) {
            int group = hexGroup(parts[i]);
            if (group < 0) {
                return null;
            }
            groups[i] = group;
        }
        if (quad) {
            Optional<Ipv4Literal> ipv4 = Ipv4Literal.parseDottedQuad(last);
            if (ipv4.isEmpty()) {
                return null;
            }
            int bits = ipv4.get().bits();
            groups[groups.length - 2] = bits >>> 16;
            groups[groups.length - 1] = bits & 0xffff;
        }
        return groups;
    }

    private static int hexGroup(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    byte[] bytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    private int group(int index) {
        long half = index < 4 ? high : low;
        return (int) ((half >>> (48 - 16 * (index % 4))) & 0xffff);
    }

    /**
     * The RFC 5952 text: lowercase, no leading zeros, the longest run of two or more zero groups
     * (the first on a tie) written {@code ::}. Embedded IPv4 is written in hex too, as the WHATWG
     * URL serializer does, so one address has one spelling.
     */
    @Override
    public String toString() {
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(i)));
        }
        return text.toString();
    }
}
