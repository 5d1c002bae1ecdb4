package dev.linkcrawl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ClientsTest {

    @Test
    void aLocalS3IsAddressedByPath() {
        try (S3Presigner presigner =
                S3Clients.presigner(
                        Settings.from(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090")))) {
            String url = presign(presigner);

            assertThat(url).startsWith("http://127.0.0.1:9090/imports-bucket/imports/u/a.html?");
        }
    }

    @Test
    void s3ItselfIsAddressedByVirtualHost() {
        try (S3Presigner presigner = S3Clients.presigner(Settings.from(Map.of()))) {
            String url = presign(presigner);

            assertThat(url).startsWith("https://imports-bucket.s3.amazonaws.com/imports/u/a.html?");
        }
    }

    @Test
    void buildsAClientForTheSettingsRegion() {
        try (var s3 =
                S3Clients.create(
                        Settings.from(Map.of("AWS_REGION", "eu-west-1")), Duration.ofSeconds(5))) {
            assertThat(s3.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
    }

    private static String presign(S3Presigner presigner) {
        // The default credentials chain signs; a test run has no credentials of its own.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            return presigner
                    .presignPutObject(
                            request ->
                                    request.signatureDuration(Duration.ofMinutes(1))
                                            .putObjectRequest(
                                                    put ->
                                                            put.bucket("imports-bucket")
                                                                    .key("imports/u/a.html")))
                    .url()
                    .toString();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
