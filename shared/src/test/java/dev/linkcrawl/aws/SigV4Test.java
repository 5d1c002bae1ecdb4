package dev.linkcrawl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class SigV4Test {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                            "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    private static SdkHttpRequest post() {
        return SdkHttpRequest.builder()
                .uri(URI.create("https://events.eu-west-1.amazonaws.com/"))
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .build();
    }

    @Test
    void signsForTheServiceAndRegionItNames() {
        HttpExecuteRequest signed =
                new SigV4(CREDENTIALS, "events", "eu-west-1").sign(post(), null);

        assertThat(signed.httpRequest().firstMatchingHeader("Authorization"))
                .hasValueSatisfying(
                        authorization ->
                                assertThat(authorization)
                                        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                                        .contains("/eu-west-1/events/aws4_request"));
        assertThat(signed.httpRequest().firstMatchingHeader("X-Amz-Date")).isPresent();
    }

    @Test
    void theSignedRequestStillCarriesItsBody() throws IOException {
        byte[] body = "{\"Entries\":[]}".getBytes(StandardCharsets.UTF_8);

        HttpExecuteRequest signed =
                new SigV4(CREDENTIALS, "events", "eu-west-1")
                        .sign(post(), ContentStreamProvider.fromByteArray(body));

        try (InputStream sent = signed.contentStreamProvider().orElseThrow().newStream()) {
            assertThat(sent.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void anS3RequestIsSentToThePathAsGivenAndSignedForS3() {
        SdkHttpRequest get =
                SdkHttpRequest.builder()
                        .uri(
                                URI.create(
                                        "https://bucket.s3.eu-west-1.amazonaws.com/pages/a%20b/../c.html"))
                        .method(SdkHttpMethod.GET)
                        .build();

        HttpExecuteRequest signed = new SigV4(CREDENTIALS, "s3", "eu-west-1").sign(get, null);

        assertThat(signed.httpRequest().encodedPath()).isEqualTo("/pages/a%20b/../c.html");
        assertThat(signed.httpRequest().firstMatchingHeader("Authorization"))
                .hasValueSatisfying(
                        value -> assertThat(value).contains("/eu-west-1/s3/aws4_request"));
    }
}
