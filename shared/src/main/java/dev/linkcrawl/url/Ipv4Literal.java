package dev.linkcrawl.url;

import java.util.Optional;

/**
 * An IPv4 address read the way browsers read a host (the WHATWG URL Standard's IPv4 parser), so a
 * host such as {@code 0x7f.1} is judged as the address a browser or HTTP client would dial.
 *
 * @param bits the address as an unsigned 32-bit value
 */
record Ipv4Literal(int bits) {

    /** Above every value a part may have; larger inputs are capped to it while parsing. */
    private static final long TOO_LARGE = 1L << 40;

    /** The standard's test: whether a host must be parsed as an IPv4 address at all. */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (!last.isEmpty() && isDecimal(last)) {
            return true;
        }
        return number(last) >= 0;
    }

    /**
     * Parses 1 to 4 dot-separated numbers, each decimal, octal (leading {@code 0}) or hex ({@code
     * 0x}); the last number fills the remaining bytes, so {@code 127.1} is 127.0.0.1 and {@code
     * 2130706433} is too.
     *
     * @return empty where the standard reports failure (for example {@code 256.1.1.1}, {@code
     *     1.2.3.4.5}, {@code 08.1.1.1})
     */
    static Optional<Ipv4Literal> parseLenient(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0) {
                return Optional.empty();
            }
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
            value += numbers[i] << (8 * (3 - i));
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Literal((int) (value + last)));
    }

    /** Parses exactly four decimal numbers 0 to 255 without leading zeros, or nothing. */
    static Optional<Ipv4Literal> parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !isDecimal(part)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(new Ipv4Literal(value));
    }

    /** Whether {@code text} is ASCII digits only (Java's digit tests also take other scripts). */
    static boolean isDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** One number of the lenient form, or -1 where the standard reports failure. */
    private static long number(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = text;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            radix = 16;
            digits = text.substring(2);
        } else if (text.length() > 1 && text.charAt(0) == '0') {
            radix = 8;
            digits = text.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = asciiDigit(digits.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = Math.min(value * radix + digit, TOO_LARGE);
        }
        return value;
    }

    private static int asciiDigit(char c, int radix) {
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
        return digit < radix ? digit : -1;
    }

    byte[] bytes() {
        return new byte[] {
            (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
        };
    }

    /** The canonical dotted quad, for example {@code 93.184.216.34}. */
    @Override
    public String toString() {
        return (bits >>> 24)
                + "."
                + ((bits >>> 16) & 0xff)
                + "."
                + ((bits >>> 8) & 0xff)
                + "."
                + (bits & 0xff);
    }
}
