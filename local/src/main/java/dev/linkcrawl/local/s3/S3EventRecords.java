package dev.linkcrawl.local.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.local.template.Intrinsics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The event Amazon S3 sends Lambda when an object is created: one record, event version 2.1, in the
 * exact shape of a real notification ({@code Records[].s3.object.key} and friends), so that a
 * handler reading raw JSON sees what it will see on AWS.
 *
 * <p>The key is URL-encoded as S3 encodes it in notifications: form encoding (a space is {@code +},
 * a {@code +} is {@code %2B}, other reserved and non-ASCII characters are UTF-8 percent escapes),
 * except that {@code /} stays as it is.
 */
public final class S3EventRecords {

    /** The only event the local runner emits: a {@code PutObject}. */
    public static final String OBJECT_CREATED_PUT = "ObjectCreated:Put";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private S3EventRecords() {}

    /**
     * The notification for {@code object}.
     *
     * @param configurationId the id of the bucket's notification configuration (SAM names it after
     *     the stack and the event)
     * @param sequencer orders events on the same key ({@link Sequencer})
     */
    public static ObjectNode objectCreated(
            CreatedObject object, String configurationId, String sequencer) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(sequencer, "sequencer");
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", LocalS3.REGION);
        record.put("eventTime", EVENT_TIME.format(object.lastModified()));
        record.put("eventName", OBJECT_CREATED_PUT);
        record.putObject("userIdentity").put("principalId", "AWS:" + Intrinsics.ACCOUNT_ID);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements")
                .put("x-amz-request-id", HexFormat.of().withUpperCase().formatHex(random(8)))
                .put("x-amz-id-2", Base64.getEncoder().encodeToString(random(48)));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", object.bucket());
        bucket.putObject("ownerIdentity").put("principalId", Intrinsics.ACCOUNT_ID);
        bucket.put("arn", "arn:" + Intrinsics.PARTITION + ":s3:::" + object.bucket());
        s3.putObject("object")
                .put("key", encodeKey(object.key()))
                .put("size", object.size())
                .put("eTag", object.eTag())
                .put("sequencer", sequencer);
        return event;
    }

    /** A key as S3 notifications spell it: {@code my file+1.txt} → {@code my+file%2B1.txt}. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
