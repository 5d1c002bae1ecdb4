package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.testing.EmbeddedS3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The import bucket's adapter against S3Mock on loopback: a real presigned upload, real reads. */
class S3ImportObjectsIT {

    private static final String BUCKET = "imports";

    private static EmbeddedS3 s3;
    private static S3ImportObjects objects;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start();
        s3.createBucket(BUCKET);
        S3Presigner presigner =
                S3Presigner.builder()
                        .region(Region.US_EAST_1)
                        .endpointOverride(s3.endpoint())
                        .serviceConfiguration(
                                S3Configuration.builder().pathStyleAccessEnabled(true).build())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .build();
        objects = new S3ImportObjects(s3.client(), presigner, BUCKET);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void thePresignedUploadSignsItsLengthAndLastsFifteenMinutes() {
        PresignedUpload upload =
                objects.presignUpload("imports/alice/a.txt", 42, Duration.ofMinutes(15));

        String query = upload.url().getRawQuery();
        assertThat(query).contains("X-Amz-Expires=900");
        assertThat(query).containsPattern("X-Amz-SignedHeaders=[^&]*content-length");
        assertThat(upload.headers()).containsEntry("content-length", "42");
        assertThat(upload.url().getPath()).isEqualTo("/" + BUCKET + "/imports/alice/a.txt");
    }

    @Test
    void aPutToThePresignedUrlStoresTheFileAtThePinnedKey() throws Exception {
        byte[] file = "https://example.com/\n".getBytes(StandardCharsets.UTF_8);
        PresignedUpload upload =
                objects.presignUpload(
                        "imports/alice/b.txt", file.length, StartImport.UPLOAD_VALID_FOR);

        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(upload.url())
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(objects.exists("imports/alice/b.txt")).isTrue();
        assertThat(objects.read("imports/alice/b.txt")).hasValue(file);
    }

    @Test
    void aMissingObjectReadsAsEmpty() {
        assertThat(objects.read("imports/alice/none.txt.result.json")).isEqualTo(Optional.empty());
        assertThat(objects.exists("imports/alice/none.txt")).isFalse();
    }

    @Test
    void anUnreachableBucketIsUnavailable() {
        S3ImportObjects nowhere =
                new S3ImportObjects(
                        S3Client.builder()
                                .region(Region.US_EAST_1)
                                .endpointOverride(URI.create("http://127.0.0.1:1"))
                                .forcePathStyle(true)
                                .credentialsProvider(
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create("local", "local")))
                                .build(),
                        S3Presigner.builder().region(Region.US_EAST_1).build(),
                        BUCKET);

        assertThatThrownBy(() -> nowhere.exists("imports/a/b"))
                .isInstanceOf(StorageUnavailableException.class);
    }
}
