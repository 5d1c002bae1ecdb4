package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bucket references resolve to the local bucket, beside the queues' values. */
class BucketValuesTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.parse(
                    """
                    Resources:
                      ImportBucket: {Type: AWS::S3::Bucket}
                      Queue: {Type: AWS::SQS::Queue}
                      Thing:
                        Type: Test
                        Properties:
                          Name: !Ref ImportBucket
                          Arn: !GetAtt ImportBucket.Arn
                          Both: !Sub "${ImportBucket}+${Queue}"
                    """);

    private final Intrinsics intrinsics =
            TEMPLATE.intrinsics(
                    BucketValues.of(TEMPLATE.buckets())
                            .or(
                                    new QueueValues(
                                            Map.of(
                                                    "Queue",
                                                    new LocalQueue(
                                                            "Queue",
                                                            "Queue",
                                                            "http://127.0.0.1:9324/0/Queue",
                                                            "arn:aws:sqs:us-east-1:0:Queue")))));

    @Test
    void refIsTheLocalBucketNameAndArnItsS3Arn() {
        assertThat(intrinsics.text(property("Name"))).isEqualTo("importbucket");
        assertThat(intrinsics.text(property("Arn"))).isEqualTo("arn:aws:s3:::importbucket");
    }

    @Test
    void bucketAndQueueValuesCombine() {
        assertThat(intrinsics.text(property("Both")))
                .isEqualTo("importbucket+http://127.0.0.1:9324/0/Queue");
    }

    private static Object property(String name) {
        return ((Map<?, ?>) ((Map<?, ?>) TEMPLATE.resources().get("Thing")).get("Properties"))
                .get(name);
    }
}
