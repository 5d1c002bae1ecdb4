package dev.linkcrawl.crawl.fetch;

import java.net.UnknownHostException;

/**
 * Raised when the HTTP client asks for a name, or dials an address, that this fetch did not check.
 * It should never happen (every hop is resolved and checked before its request); it exists so that
 * if it does, the connection is refused rather than made.
 */
final class UncheckedAddressException extends UnknownHostException {
    UncheckedAddressException(String message) {
        super(message);
    }
}
