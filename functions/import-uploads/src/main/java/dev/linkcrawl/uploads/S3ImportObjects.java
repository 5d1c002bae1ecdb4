package dev.linkcrawl.uploads;

import dev.linkcrawl.aws.S3Clients;
import dev.linkcrawl.config.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The import bucket on S3. Uploads are presigned {@code PUT}s with {@code Content-Length} signed
 * in: the Java SDK has no presigned POST policy (aws-sdk-java-v2 #1493), and a signed length does
 * what a policy's {@code content-length-range} would, since S3 refuses a body of any other length.
 * The URL is signed with the function's own credentials, so it works only as long as they do and
 * only for what the function's role may do.
 */
public final class S3ImportObjects implements ImportObjects {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ImportObjects(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * The bucket {@code settings} name ({@code IMPORT_BUCKET}), with the client and presigner of
     * {@link S3Clients}; a read gives up when S3 sends nothing for 5 seconds.
     */
    public static S3ImportObjects create(Settings settings) {
        return new S3ImportObjects(
                S3Clients.create(settings, Duration.ofSeconds(5)),
                S3Clients.presigner(settings),
                settings.requireImportBucket());
    }

    @Override
    public PresignedUpload presignUpload(String key, long size, Duration validFor) {
        try {
            PresignedPutObjectRequest presigned =
                    presigner.presignPutObject(
                            presign ->
                                    presign.signatureDuration(validFor)
                                            .putObjectRequest(
                                                    PutObjectRequest.builder()
                                                            .bucket(bucket)
                                                            .key(key)
                                                            .contentLength(size)
                                                            .build()));
            return new PresignedUpload(
                    presigned.url().toURI(),
                    headersToSend(presigned.signedHeaders()),
                    presigned.expiration());
        } catch (SdkException | java.net.URISyntaxException e) {
            throw new StorageUnavailableException("the upload could not be signed", e);
        }
    }

    /** The signed headers a client sets itself; {@code host} comes from the URL. */
    static Map<String, String> headersToSend(Map<String, List<String>> signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach(
                (name, values) -> {
                    if (!name.equalsIgnoreCase("host")) {
                        headers.put(name, String.join(",", values));
                    }
                });
        return headers;
    }

    @Override
    public Optional<byte[]> read(String key) {
        return unlessMissing(
                () -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray());
    }

    @Override
    public boolean exists(String key) {
        return unlessMissing(() -> s3.headObject(head -> head.bucket(bucket).key(key))).isPresent();
    }

    /**
     * What {@code request} answers, or empty when S3 says there is no such key (a NoSuchKey error
     * or a bare 404, as HEAD gives); any other failure means the bucket is unavailable.
     */
    private static <T> Optional<T> unlessMissing(Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageUnavailableException("the import bucket refused a read", e);
        } catch (SdkException e) {
            throw new StorageUnavailableException("the import bucket did not answer", e);
        }
    }
}
