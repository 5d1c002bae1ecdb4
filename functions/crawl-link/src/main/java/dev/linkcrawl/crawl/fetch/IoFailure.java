package dev.linkcrawl.crawl.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * The failure code for an I/O error raised while fetching: a pure mapping from the exception (and
 * its causes) to a {@link FailureCode} and a short detail.
 *
 * @param code the failure code
 * @param detail the exception's kind and message, for people (at most 300 characters)
 */
record IoFailure(FailureCode code, String detail) {

    static final int MAX_DETAIL = 300;

    IoFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** Classifies {@code error}: the first cause in the chain that says something decides. */
    static IoFailure classify(IOException error) {
        FailureCode code = FailureCode.IO_ERROR;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (isHeaderLimit(t)) {
                return new IoFailure(FailureCode.HEADERS_TOO_LARGE, describe(error));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            FailureCode found = codeOf(t);
            if (found != null) {
                code = found;
                break;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new IoFailure(code, describe(error));
    }

    /**
     * OkHttp reads at most 256 KiB of response head and reports more as an end of stream: an {@link
     * EOFException} saying "\n not found: limit=N content=HEX…", N being what was left of that
     * budget. Header blocks between 64 and 256 KiB are refused after reading, by the fetcher's own
     * count.
     *
     * <p>A connection closed before a head line ends raises the very same exception, with N the
     * bytes that did arrive, every one of them shown (up to 32) in content. So it is the limit only
     * when more bytes were buffered than N, or when N is 32 or more, where content cannot tell
     * (content never shows more than 32 bytes). A close inside a head line of 32 bytes or more
     * therefore still reads as the limit; the common cases (closed before answering, or inside a
     * short line) are resets, retried.
     */
    private static boolean isHeaderLimit(Throwable t) {
        String prefix = "\\n not found: limit=";
        if (!(t instanceof EOFException) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage();
        if (!message.startsWith(prefix)) {
            return false;
        }
        int limitEnd = message.indexOf(' ', prefix.length());
        int content = message.indexOf("content=");
        if (limitEnd < 0 || content < 0) {
            return true;
        }
        long limit;
        try {
            limit = Long.parseLong(message.substring(prefix.length(), limitEnd));
        } catch (NumberFormatException e) {
            return true;
        }
        int hexDigits = 0;
        for (int i = content + "content=".length();
                i < message.length() && Character.digit(message.charAt(i), 16) >= 0;
                i++) {
            hexDigits++;
        }
        return limit >= 32 || hexDigits / 2 > limit;
    }

    private static FailureCode codeOf(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof UncheckedAddressException) {
            return FailureCode.BLOCKED_ADDRESS;
        }
        if (t instanceof SocketTimeoutException) {
            return message.contains("connect") ? FailureCode.CONNECT_FAILED : FailureCode.TIMEOUT;
        }
        if (t instanceof InterruptedIOException) {
            return FailureCode.TIMEOUT;
        }
        if (t instanceof SSLException) {
            Throwable cause = t.getCause();
            if (cause instanceof SocketTimeoutException || cause instanceof SocketException) {
                return null;
            }
            return FailureCode.TLS;
        }
        if (t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof PortUnreachableException) {
            return FailureCode.CONNECT_FAILED;
        }
        if (t instanceof UnknownHostException) {
            return FailureCode.DNS_NXDOMAIN;
        }
        if (message.contains("unexpected end of stream")) {
            // OkHttp's word for a body or head cut short, even when it raises a ProtocolException.
            return FailureCode.CONNECTION_RESET;
        }
        if (t instanceof ZipException || t instanceof ProtocolException) {
            return FailureCode.PROTOCOL;
        }
        if (t instanceof SocketException) {
            return message.contains("unreachable")
                    ? FailureCode.CONNECT_FAILED
                    : FailureCode.CONNECTION_RESET;
        }
        if (t instanceof EOFException) {
            return FailureCode.CONNECTION_RESET;
        }
        String kind = t.getClass().getName();
        if (kind.endsWith("StreamResetException") || kind.endsWith("ConnectionShutdownException")) {
            return FailureCode.CONNECTION_RESET;
        }
        return null;
    }

    private static String describe(IOException error) {
        String message = error.getMessage();
        String text =
                error.getClass().getSimpleName()
                        + (message == null || message.isBlank() ? "" : ": " + message);
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        text.codePoints()
                .limit(MAX_DETAIL)
                .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
