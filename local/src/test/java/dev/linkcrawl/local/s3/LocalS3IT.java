package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.template.BucketResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** S3Mock in this JVM: objects kept across a restart, listening on loopback only. */
class LocalS3IT {

    private static final BucketResource BUCKET = new BucketResource("ImportBucket", "importbucket");

    @TempDir Path storage;

    @Test
    @Timeout(60)
    void bucketsAndObjectsAreThereAgainAfterARestart() {
        try (LocalS3 s3 = LocalS3.start(storage, 0)) {
            assertThat(s3.createBuckets(List.of(BUCKET))).containsExactly("importbucket");
            s3.client()
                    .putObject(
                            put -> put.bucket("importbucket").key("imports/alice/a b.txt"),
                            RequestBody.fromString("https://example.com/\n"));
        }

        try (LocalS3 s3 = LocalS3.start(storage, 0)) {
            assertThat(s3.createBuckets(List.of(BUCKET))).isEmpty();
            String body =
                    s3.client()
                            .getObjectAsBytes(
                                    get -> get.bucket("importbucket").key("imports/alice/a b.txt"))
                            .asUtf8String();
            assertThat(body).isEqualTo("https://example.com/\n");
        }
    }

    @Test
    @Timeout(60)
    void everyPortItListensOnIsOnLoopback() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc only");
        List<String> before = listening();
        try (LocalS3 s3 = LocalS3.start(storage, 0)) {
            List<String> opened = new ArrayList<>(listening());
            opened.removeAll(before);

            assertThat(opened).isNotEmpty();
            assertThat(opened)
                    .as("local addresses of the sockets S3Mock listens on")
                    .allSatisfy(address -> assertThat(isLoopback(address)).isTrue());
            assertThat(opened)
                    .anySatisfy(
                            address ->
                                    assertThat(address)
                                            .endsWith(
                                                    String.format(
                                                            ":%04X", s3.endpoint().getPort())));
        }
    }

    /**
     * Local addresses ({@code hexip:HEXPORT}) of the TCP sockets this JVM listens on (other
     * processes on the machine are left out: their sockets are not in {@code /proc/self/fd}).
     */
    private static List<String> listening() throws IOException {
        java.util.Set<String> ownSockets = new java.util.HashSet<>();
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        ownSockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // Closed meanwhile.
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                boolean listens = fields.length > 9 && fields[3].equals("0A"); // TCP_LISTEN
                if (listens && ownSockets.contains(fields[9])) {
                    addresses.add(fields[1].toUpperCase(Locale.ROOT));
                }
            }
        }
        return addresses;
    }

    /** 127.x.x.x (little-endian hex), ::1, or 127.x.x.x mapped into IPv6. */
    private static boolean isLoopback(String address) {
        String ip = address.substring(0, address.indexOf(':'));
        if (ip.length() == 8) {
            return ip.endsWith("7F");
        }
        return ip.equals("00000000000000000000000001000000")
                || (ip.startsWith("0000000000000000FFFF0000") && ip.endsWith("7F"));
    }
}
