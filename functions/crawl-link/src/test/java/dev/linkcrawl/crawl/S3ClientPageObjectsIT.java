package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.testing.EmbeddedS3;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The sent pages' adapter against S3Mock on loopback: signed reads and deletes, no S3 client. */
class S3ClientPageObjectsIT {

    private static final String BUCKET = "imports";
    private static final String KEY =
            "pages/auth0|alice+1/0123456789abcdef0123456789abcdef/"
                    + "5f0c2a81d4b7e39a06c1f84b2d7e9a13.html";

    private static EmbeddedS3 s3;
    private static S3ClientPageObjects objects;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start();
        s3.createBucket(BUCKET);
        objects = at(s3.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static S3ClientPageObjects at(URI endpoint) {
        return new S3ClientPageObjects(
                Optional.of(endpoint),
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                UrlConnectionHttpClient.builder().build());
    }

    @Test
    void readsThePageAtAKeyWithCharactersToEncode() {
        byte[] page = "<html><title>Sent</title></html>".getBytes(StandardCharsets.UTF_8);
        s3.client().putObject(put -> put.bucket(BUCKET).key(KEY), RequestBody.fromBytes(page));

        assertThat(objects.read(BUCKET, KEY, 1_000))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(page));
    }

    @Test
    void readsNoMoreThanOneByteOverTheCap() {
        String key = KEY.replace(".html", "0.html").replace("5f0c", "6f0c");
        s3.client()
                .putObject(
                        put -> put.bucket(BUCKET).key(key),
                        RequestBody.fromBytes(new byte[10_000]));

        assertThat(objects.read(BUCKET, key, 100))
                .hasValueSatisfying(read -> assertThat(read).hasSize(101));
    }

    @Test
    void aMissingPageReadsAsEmptyAndDeletesQuietly() {
        String key =
                "pages/bob/0123456789abcdef0123456789abcdef/ffffffffffffffffffffffffffffffff.html";

        assertThat(objects.read(BUCKET, key, 1_000)).isEmpty();
        objects.delete(BUCKET, key);
    }

    @Test
    void aDeletedPageIsGone() {
        String key =
                "pages/carol/0123456789abcdef0123456789abcdef/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.html";
        s3.client().putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromString("x"));

        objects.delete(BUCKET, key);

        assertThat(objects.read(BUCKET, key, 1_000)).isEmpty();
    }

    @Test
    void anUnreachableBucketIsAStorageFailure() {
        assertThatThrownBy(() -> at(URI.create("http://127.0.0.1:1")).read(BUCKET, KEY, 10))
                .isInstanceOf(PageStorageException.class);
    }

    @Test
    void onAwsTheBucketIsAddressedByItsOwnHost() {
        S3ClientPageObjects aws =
                new S3ClientPageObjects(
                        Optional.empty(),
                        "eu-west-1",
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                        UrlConnectionHttpClient.builder().build());

        assertThat(aws.objectUri("linkcrawl-imports-1-eu-west-1", "pages/a b/x.html"))
                .isEqualTo(
                        URI.create(
                                "https://linkcrawl-imports-1-eu-west-1.s3.eu-west-1.amazonaws.com/pages/a%20b/x.html"));
    }
}
