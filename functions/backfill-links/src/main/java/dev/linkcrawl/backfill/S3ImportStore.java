package dev.linkcrawl.backfill;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The import bucket on Amazon S3 (or an S3-compatible server such as S3Mock). */
public final class S3ImportStore implements ImportStore {

    private final S3Client s3;

    public S3ImportStore(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public InputStream open(ImportUpload upload) throws ImportMissingException, IOException {
        try {
            ResponseInputStream<GetObjectResponse> body =
                    s3.getObject(get -> get.bucket(upload.bucket()).key(upload.key()));
            return new ObjectBody(body);
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new ImportMissingException("the uploaded object no longer exists", e);
        } catch (SdkException e) {
            throw new IOException("S3 did not return the uploaded object", e);
        }
    }

    @Override
    public void writeResult(ImportUpload upload, byte[] json) throws IOException {
        try {
            s3.putObject(
                    put ->
                            put.bucket(upload.bucket())
                                    .key(upload.resultKey())
                                    .contentType("application/json"),
                    RequestBody.fromBytes(json));
        } catch (SdkException e) {
            throw new IOException("S3 did not store the import result", e);
        }
    }

    /**
     * The object's body. Closing it aborts the connection, so an import that stops early does not
     * drain the rest of a large object; SDK failures while reading surface as {@link IOException}.
     */
    private static final class ObjectBody extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> body;

        ObjectBody(ResponseInputStream<GetObjectResponse> body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SdkException e) {
                throw new IOException("reading the uploaded object failed", e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SdkException e) {
                throw new IOException("reading the uploaded object failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            body.abort();
            super.close();
        }
    }
}
