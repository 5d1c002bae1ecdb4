package dev.linkcrawl.aws;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs plain HTTP requests with SigV4 for one service in one region, for the calls the functions
 * make without the SDK's client of that service (OpenSearch, EventBridge's {@code PutEvents}, S3's
 * {@code GetObject} and {@code DeleteObject} in the crawl function): each of those clients costs a
 * jar megabytes and a cold start its model. For {@code s3} the path is signed as it is sent,
 * neither encoded twice nor normalised, as S3 requires.
 *
 * @param service the signing name, such as {@code es}, {@code aoss}, {@code events} or {@code s3}
 */
public record SigV4(AwsCredentialsProvider credentials, String service, String region) {

    public SigV4 {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
    }

    /**
     * {@code request} with {@code payload} ({@code null} for none), signed with credentials
     * resolved now and ready to send.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when no credentials can be found
     */
    public HttpExecuteRequest sign(SdkHttpRequest request, ContentStreamProvider payload) {
        boolean s3 = service.equals("s3");
        SignedRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                sign ->
                                        sign.identity(credentials.resolveCredentials())
                                                .request(request)
                                                .payload(payload)
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        service)
                                                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                                                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3));
        return HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build();
    }
}
