package dev.linkcrawl.local.template;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code AWS::S3::Bucket} of the template, with the name it has locally.
 *
 * @param logicalId the resource's logical id
 * @param bucketName its {@code BucketName} with intrinsics evaluated locally (account {@value
 *     Intrinsics#ACCOUNT_ID}, region {@value Intrinsics#REGION}), or the logical id in lower case
 *     when it has none (CloudFormation would generate a name; locally a readable one is the better
 *     choice)
 */
public record BucketResource(String logicalId, String bucketName) {

    /** S3's rule for bucket names (3 to 63 characters; lower case, digits, dots and hyphens). */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BucketResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(bucketName, "bucketName");
        if (!VALID_NAME.matcher(bucketName).matches() || bucketName.contains("..")) {
            throw new IllegalArgumentException(
                    "BucketName must be 3 to 63 lower-case letters, digits, dots or hyphens, not "
                            + bucketName);
        }
    }

    /** The local name of a bucket without {@code BucketName}: its logical id in lower case. */
    static String defaultName(String logicalId) {
        String lower = logicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return lower.length() < 3 ? lower + "-bucket" : lower;
    }

    /** {@code arn:aws:s3:::name}, what {@code !GetAtt Bucket.Arn} gives. */
    public String arn() {
        return "arn:" + Intrinsics.PARTITION + ":s3:::" + bucketName;
    }
}
