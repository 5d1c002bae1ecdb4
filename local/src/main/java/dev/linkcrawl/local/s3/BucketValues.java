package dev.linkcrawl.local.s3;

import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.Intrinsics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code !Ref Bucket} and {@code !GetAtt Bucket.Arn|DomainName|RegionalDomainName} give for
 * the local buckets, as CloudFormation gives them for deployed ones (the domain names are AWS's
 * spelling; locally clients use {@code AWS_ENDPOINT_URL_S3} instead).
 */
public record BucketValues(Map<String, BucketResource> buckets)
        implements Intrinsics.ResourceValues {

    public BucketValues {
        buckets = Map.copyOf(buckets);
    }

    /** The values of {@code buckets}, by logical id. */
    public static BucketValues of(List<BucketResource> buckets) {
        Map<String, BucketResource> byId = new LinkedHashMap<>();
        buckets.forEach(bucket -> byId.put(bucket.logicalId(), bucket));
        return new BucketValues(byId);
    }

    @Override
    public Optional<Object> ref(String logicalId) {
        return Optional.ofNullable(buckets.get(logicalId)).map(BucketResource::bucketName);
    }

    @Override
    public Optional<Object> attribute(String logicalId, String attribute) {
        return Optional.ofNullable(buckets.get(logicalId))
                .flatMap(
                        bucket ->
                                switch (attribute) {
                                    case "Arn" -> Optional.of(bucket.arn());
                                    case "DomainName" ->
                                            Optional.of(bucket.bucketName() + ".s3.amazonaws.com");
                                    case "RegionalDomainName" ->
                                            Optional.of(
                                                    bucket.bucketName()
                                                            + ".s3."
                                                            + Intrinsics.REGION
                                                            + ".amazonaws.com");
                                    default -> Optional.empty();
                                });
    }
}
