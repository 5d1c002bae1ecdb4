package dev.linkcrawl.bench.faults;

import dev.linkcrawl.backfill.ImportStore;
import dev.linkcrawl.backfill.ImportUpload;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plain-text bookmark export (a URL a line) in an import bucket held in memory, read as fast as
 * the import wants or slowly ({@code pause} per line, like a slow S3 stream), so that an import can
 * still be running when a fault strikes. The import's result is kept.
 */
final class UploadedExport implements ImportStore {

    private final byte[] content;
    private final Duration pausePerLine;
    private final AtomicInteger linesRead = new AtomicInteger();
    private volatile byte[] result;

    UploadedExport(List<String> lines, Duration pausePerLine) {
        this.content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        this.pausePerLine = pausePerLine;
    }

    @Override
    public InputStream open(ImportUpload upload) {
        InputStream in = new ByteArrayInputStream(content);
        linesRead.set(0);
        return new SlowLines(in, pausePerLine, linesRead);
    }

    @Override
    public void writeResult(ImportUpload upload, byte[] json) {
        result = json.clone();
    }

    /** Lines the current import has read so far. */
    int linesRead() {
        return linesRead.get();
    }

    /** The last result written, or null. */
    byte[] result() {
        return result;
    }

    /** Counts the line breaks it hands out, pausing after each. */
    private static final class SlowLines extends FilterInputStream {
        private final Duration pause;
        private final AtomicInteger lines;

        SlowLines(InputStream in, Duration pause, AtomicInteger lines) {
            super(in);
            this.pause = pause;
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == '\n') {
                lines.incrementAndGet();
                pause();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // One line at most per call, so the pauses spread over the file.
            for (int i = 0; i < length; i++) {
                int b = read();
                if (b < 0) {
                    return i == 0 ? -1 : i;
                }
                buffer[offset + i] = (byte) b;
                if (b == '\n') {
                    return i + 1;
                }
            }
            return length;
        }

        private void pause() throws InterruptedIOException {
            if (pause.isZero()) {
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading slowly");
            }
        }
    }
}
