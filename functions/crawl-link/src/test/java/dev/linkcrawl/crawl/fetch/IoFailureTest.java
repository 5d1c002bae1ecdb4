package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import org.junit.jupiter.api.Test;

class IoFailureTest {

    private static FailureCode codeOf(IOException error) {
        return IoFailure.classify(error).code();
    }

    @Test
    void callDeadlineIsATimeout() {
        assertThat(codeOf(new InterruptedIOException("timeout"))).isEqualTo(FailureCode.TIMEOUT);
    }

    @Test
    void readTimeoutIsATimeout() {
        assertThat(codeOf(new SocketTimeoutException("Read timed out")))
                .isEqualTo(FailureCode.TIMEOUT);
    }

    @Test
    void connectTimeoutIsAConnectFailure() {
        assertThat(codeOf(new SocketTimeoutException("Connect timed out")))
                .isEqualTo(FailureCode.CONNECT_FAILED);
    }

    @Test
    void refusedAndUnreachableAreConnectFailures() {
        assertThat(codeOf(new ConnectException("Connection refused")))
                .isEqualTo(FailureCode.CONNECT_FAILED);
        assertThat(codeOf(new NoRouteToHostException("No route to host")))
                .isEqualTo(FailureCode.CONNECT_FAILED);
        assertThat(codeOf(new SocketException("Network is unreachable")))
                .isEqualTo(FailureCode.CONNECT_FAILED);
    }

    @Test
    void resetsAndEarlyEndsAreConnectionResets() {
        assertThat(codeOf(new SocketException("Connection reset")))
                .isEqualTo(FailureCode.CONNECTION_RESET);
        assertThat(
                        codeOf(
                                new IOException(
                                        "unexpected end of stream on http://a/...",
                                        new EOFException())))
                .isEqualTo(FailureCode.CONNECTION_RESET);
        assertThat(codeOf(new ProtocolException("unexpected end of stream")))
                .isEqualTo(FailureCode.CONNECTION_RESET);
        assertThat(codeOf(new EOFException("Unexpected end of ZLIB input stream")))
                .isEqualTo(FailureCode.CONNECTION_RESET);
        assertThat(codeOf(new StreamResetException(ErrorCode.CANCEL)))
                .isEqualTo(FailureCode.CONNECTION_RESET);
    }

    @Test
    void okHttpsOwnHeaderLimitIsHeadersTooLarge() {
        IOException error =
                new IOException(
                        "unexpected end of stream on http://a/...",
                        new EOFException("\\n not found: limit=262144 content=48545450…"));

        assertThat(codeOf(error)).isEqualTo(FailureCode.HEADERS_TOO_LARGE);
    }

    @Test
    void certificateAndHandshakeProblemsAreTls() {
        assertThat(codeOf(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo(FailureCode.TLS);
        assertThat(codeOf(new SSLPeerUnverifiedException("Hostname a not verified")))
                .isEqualTo(FailureCode.TLS);
    }

    @Test
    void tlsErrorCausedBySocketFailureIsJudgedByItsCause() {
        SSLException wrapped =
                new SSLException("read failed", new SocketException("Connection reset"));

        assertThat(codeOf(wrapped)).isEqualTo(FailureCode.CONNECTION_RESET);
    }

    @Test
    void malformedResponsesAndCorruptBodiesAreProtocolErrors() {
        assertThat(codeOf(new ProtocolException("Unexpected status line: SSH-2.0")))
                .isEqualTo(FailureCode.PROTOCOL);
        assertThat(codeOf(new ZipException("Not in GZIP format"))).isEqualTo(FailureCode.PROTOCOL);
    }

    @Test
    void uncheckedAddressIsBlockedNotDns() {
        assertThat(codeOf(new UncheckedAddressException("x")))
                .isEqualTo(FailureCode.BLOCKED_ADDRESS);
        assertThat(codeOf(new UnknownHostException("x"))).isEqualTo(FailureCode.DNS_NXDOMAIN);
    }

    @Test
    void findsTheCauseDeepInTheChain() {
        IOException outer =
                new IOException(
                        "wrapper", new IOException("inner", new ConnectException("refused")));

        assertThat(codeOf(outer)).isEqualTo(FailureCode.CONNECT_FAILED);
    }

    @Test
    void unknownErrorsAreRetryableIoErrors() {
        IoFailure failure = IoFailure.classify(new IOException("something odd"));

        assertThat(failure.code()).isEqualTo(FailureCode.IO_ERROR);
        assertThat(failure.code().retryable()).isTrue();
    }

    @Test
    void detailNamesTheErrorWithoutControlCharactersAndIsBounded() {
        IoFailure failure = IoFailure.classify(new IOException("line1\nline2" + "x".repeat(1000)));

        assertThat(failure.detail()).startsWith("IOException: line1 line2").doesNotContain("\n");
        assertThat(failure.detail()).hasSizeLessThanOrEqualTo(IoFailure.MAX_DETAIL);
    }
}
