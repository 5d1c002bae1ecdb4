package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The template as the local runner reads it; most cases read the project's real template.yaml. */
class SamTemplateTest {

    static final Path TEMPLATE = Path.of("../template.yaml");

    private final SamTemplate template = SamTemplate.read(TEMPLATE);

    @Test
    void shortTagsBecomeTheirLongForms() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          Thing:
                            Type: Test
                            Properties:
                              Ref: !Ref Other
                              GetAtt: !GetAtt Other.Arn
                              GetAttList: !GetAtt [Other, Arn]
                              Sub: !Sub "${AWS::Region}-x"
                              If: !If [Cond, a, b]
                              Equals: !Equals [a, b]
                              Not: !Not [!Equals [a, b]]
                              And: !And [!Condition Cond, !Condition Cond]
                              Or: !Or [!Condition Cond, !Condition Cond]
                              Join: !Join [",", [a, b]]
                              Select: !Select [0, [a, b]]
                              Split: !Split [",", "a,b"]
                              FindInMap: !FindInMap [M, k1, k2]
                              Base64: !Base64 text
                              GetAZs: !GetAZs ""
                              ImportValue: !ImportValue exported
                              Condition: !Condition Cond
                        """);

        Map<?, ?> properties =
                (Map<?, ?>) ((Map<?, ?>) parsed.resources().get("Thing")).get("Properties");

        assertThat(properties.get("Ref")).isEqualTo(Map.of("Ref", "Other"));
        assertThat(properties.get("GetAtt"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "Arn")));
        assertThat(properties.get("GetAttList"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "Arn")));
        assertThat(properties.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${AWS::Region}-x"));
        assertThat(properties.get("If")).isEqualTo(Map.of("Fn::If", List.of("Cond", "a", "b")));
        assertThat(properties.get("Equals")).isEqualTo(Map.of("Fn::Equals", List.of("a", "b")));
        assertThat(properties.get("Not"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of("a", "b")))));
        assertThat(properties.get("And"))
                .isEqualTo(
                        Map.of(
                                "Fn::And",
                                List.of(Map.of("Condition", "Cond"), Map.of("Condition", "Cond"))));
        assertThat(properties.get("Or"))
                .isEqualTo(
                        Map.of(
                                "Fn::Or",
                                List.of(Map.of("Condition", "Cond"), Map.of("Condition", "Cond"))));
        assertThat(properties.get("Join"))
                .isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
        assertThat(properties.get("Select"))
                .isEqualTo(Map.of("Fn::Select", List.of(0, List.of("a", "b"))));
        assertThat(properties.get("Split")).isEqualTo(Map.of("Fn::Split", List.of(",", "a,b")));
        assertThat(properties.get("FindInMap"))
                .isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k1", "k2")));
        assertThat(properties.get("Base64")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(properties.get("GetAZs")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(properties.get("ImportValue")).isEqualTo(Map.of("Fn::ImportValue", "exported"));
        assertThat(properties.get("Condition")).isEqualTo(Map.of("Condition", "Cond"));
    }

    @Test
    void getAttSplitsOnlyAtTheFirstDot() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          Thing: {Type: Test, Properties: {Address: !GetAtt Db.Endpoint.Address}}
                        """);

        assertThat(parsed.toJson()).contains("{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}");
    }

    @Test
    void unquotedDateStaysText() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        AWSTemplateFormatVersion: 2010-09-09
                        Resources: {}
                        """);

        assertThat(parsed.tree().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    }

    @Test
    void duplicateKeysAreRejectedLikeCloudFormationDoes() {
        assertThatThrownBy(
                        () ->
                                SamTemplate.parse(
                                        """
                                        Resources:
                                          A: {Type: X}
                                          A: {Type: Y}
                                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void unknownTagIsRejected() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources: {A: !Bogus x}"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void readsEveryFunctionWithItsHandlerCodeUriTimeoutAndMemory() {
        assertThat(template.functions())
                .extracting(
                        FunctionResource::logicalId,
                        FunctionResource::codeUri,
                        f -> f.handler().toString(),
                        FunctionResource::timeout,
                        FunctionResource::memorySize)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "SubmitLinkFunction",
                                "functions/submit-link/target/submit-link.jar",
                                "dev.linkcrawl.submit.SubmitLinkHandler::handleRequest",
                                Duration.ofSeconds(10),
                                512),
                        org.assertj.core.groups.Tuple.tuple(
                                "CrawlLinkFunction",
                                "functions/crawl-link/target/crawl-link.jar",
                                "dev.linkcrawl.crawl.CrawlLinkHandler::handleRequest",
                                Duration.ofSeconds(30),
                                1408),
                        org.assertj.core.groups.Tuple.tuple(
                                "ClientPageFunction",
                                "functions/crawl-link/target/crawl-link.jar",
                                "dev.linkcrawl.crawl.ClientPageHandler::handleRequest",
                                Duration.ofSeconds(30),
                                1408),
                        org.assertj.core.groups.Tuple.tuple(
                                "QueryLinksFunction",
                                "functions/query-links/target/query-links.jar",
                                "dev.linkcrawl.query.QueryLinksHandler::handleRequest",
                                Duration.ofSeconds(10),
                                512),
                        org.assertj.core.groups.Tuple.tuple(
                                "BackfillLinksFunction",
                                "functions/backfill-links/target/backfill-links.jar",
                                "dev.linkcrawl.backfill.BackfillLinksHandler::handleRequest",
                                Duration.ofSeconds(900),
                                512),
                        org.assertj.core.groups.Tuple.tuple(
                                "ImportUploadsFunction",
                                "functions/import-uploads/target/import-uploads.jar",
                                "dev.linkcrawl.uploads.ImportUploadsHandler::handleRequest",
                                Duration.ofSeconds(10),
                                512));
    }

    @Test
    void functionEnvironmentHoldsTheGlobalVariablesThenItsOwn() {
        FunctionResource submit = template.function("SubmitLinkFunction");

        assertThat(submit.environment().keySet())
                .containsExactly(
                        "JAVA_TOOL_OPTIONS",
                        "OPENSEARCH_ENDPOINT",
                        "OPENSEARCH_AUTH",
                        "OPENSEARCH_SERVICE",
                        "INDEX_NAME",
                        "QUEUE_URL",
                        "LINKS_PER_OWNER_PER_DAY");
        assertThat(submit.environment().get("QUEUE_URL")).isEqualTo(Map.of("Ref", "CrawlQueue"));
        assertThat(template.function("CrawlLinkFunction").environment())
                .containsEntry("MAX_RECEIVES", "5")
                .containsEntry("FETCH_DEADLINE_MS", Map.of("Ref", "FetchDeadlineMs"));
    }

    @Test
    void readsTheHttpApiRoutes() {
        assertThat(template.function("SubmitLinkFunction").routes())
                .containsExactly(new HttpApiRoute("POST", "/links"));
        assertThat(template.function("QueryLinksFunction").routes())
                .extracting(HttpApiRoute::routeKey)
                .containsExactly("GET /links", "GET /links/{id}", "DELETE /links/{id}");
        assertThat(template.function("CrawlLinkFunction").routes()).isEmpty();
    }

    @Test
    void readsTheSqsEventSourcesWithBatchSizeFailuresAndMaximumConcurrency() {
        assertThat(template.function("CrawlLinkFunction").sqsEventSources())
                .containsExactly(
                        new SqsEventSourceMapping(
                                "CrawlQueueEvent", "CrawlQueue", 1, true, OptionalInt.of(20)),
                        new SqsEventSourceMapping(
                                "BackfillQueueEvent", "BackfillQueue", 1, true, OptionalInt.of(4)));
        assertThat(template.function("SubmitLinkFunction").sqsEventSources()).isEmpty();
    }

    @Test
    void parameterOverridesReplaceDefaults() {
        SamTemplate overridden = template.withParameters(Map.of("CrawlMaxConcurrency", "5"));

        assertThat(overridden.function("CrawlLinkFunction").sqsEventSources().getFirst())
                .extracting(SqsEventSourceMapping::maximumConcurrency)
                .isEqualTo(OptionalInt.of(5));
    }

    @Test
    void overridingAnUndeclaredParameterIsAnError() {
        assertThatThrownBy(() -> template.withParameters(Map.of("NoSuchParameter", "1")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("NoSuchParameter");
    }

    @Test
    void readsEveryQueueWithVisibilityTimeoutRetentionAndRedrive() {
        assertThat(template.queues())
                .containsExactly(
                        new QueueResource(
                                "CrawlQueue",
                                "CrawlQueue",
                                Duration.ofSeconds(180),
                                Duration.ofSeconds(345600),
                                Duration.ZERO,
                                Optional.of(new Redrive("CrawlDeadLetterQueue", 5))),
                        new QueueResource(
                                "CrawlDeadLetterQueue",
                                "CrawlDeadLetterQueue",
                                QueueResource.DEFAULT_VISIBILITY_TIMEOUT,
                                Duration.ofSeconds(1209600),
                                Duration.ZERO,
                                Optional.empty()),
                        new QueueResource(
                                "BackfillQueue",
                                "BackfillQueue",
                                Duration.ofSeconds(180),
                                Duration.ofSeconds(604800),
                                Duration.ZERO,
                                Optional.of(new Redrive("BackfillDeadLetterQueue", 5))),
                        new QueueResource(
                                "BackfillDeadLetterQueue",
                                "BackfillDeadLetterQueue",
                                QueueResource.DEFAULT_VISIBILITY_TIMEOUT,
                                Duration.ofSeconds(1209600),
                                Duration.ZERO,
                                Optional.empty()),
                        new QueueResource(
                                "BackfillFailedInvocationsQueue",
                                "BackfillFailedInvocationsQueue",
                                QueueResource.DEFAULT_VISIBILITY_TIMEOUT,
                                Duration.ofSeconds(1209600),
                                Duration.ZERO,
                                Optional.empty()));
    }

    @Test
    void aRedrivePolicyMustNameAQueueOfTheTemplate() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          Q:
                            Type: AWS::SQS::Queue
                            Properties:
                              RedrivePolicy: {deadLetterTargetArn: !GetAtt Missing.Arn, maxReceiveCount: 5}
                        """);

        assertThatThrownBy(parsed::queues)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Missing");
    }

    @Test
    void anSqsEventMustReadAQueueOfTheTemplate() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          F:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: f.jar
                              Handler: a.B
                              Events:
                                E: {Type: SQS, Properties: {Queue: "arn:aws:sqs:us-east-1:1:elsewhere"}}
                        """);

        assertThatThrownBy(parsed::functions)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.Events.E.Properties.Queue");
    }

    @Test
    void lambdaDefaultsApplyWhereTheTemplateIsSilent() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          F:
                            Type: AWS::Serverless::Function
                            Properties: {CodeUri: f.jar, Handler: a.B}
                        """);

        FunctionResource function = parsed.function("F");

        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(function.memorySize()).isEqualTo(128);
        assertThat(function.handler()).isEqualTo(new HandlerName("a.B", "handleRequest"));
        assertThat(function.eventInvokeConfig()).isEqualTo(EventInvokeConfig.DEFAULT);
    }

    @Test
    void readsTheEventInvokeConfigWithItsOnFailureQueue() {
        assertThat(template.function("BackfillLinksFunction").eventInvokeConfig())
                .isEqualTo(
                        new EventInvokeConfig(
                                2,
                                Duration.ofHours(6),
                                Optional.of("BackfillFailedInvocationsQueue")));
    }

    @Test
    void readsTheMaximumEventAgeAndRetryAttempts() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          F:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: f.jar
                              Handler: a.B
                              EventInvokeConfig: {MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 120}
                        """);

        assertThat(parsed.function("F").eventInvokeConfig())
                .isEqualTo(new EventInvokeConfig(0, Duration.ofSeconds(120), Optional.empty()));
    }

    @Test
    void moreRetryAttemptsThanLambdaMakesAreAnError() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          F:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: f.jar
                              Handler: a.B
                              EventInvokeConfig: {MaximumRetryAttempts: 3}
                        """);

        assertThatThrownBy(parsed::functions)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.EventInvokeConfig")
                .hasMessageContaining("MaximumRetryAttempts must be from 0 to 2");
    }

    @Test
    void anOnFailureDestinationMustBeAQueueOfTheTemplate() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          Alerts:
                            Type: AWS::SNS::Topic
                          F:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: f.jar
                              Handler: a.B
                              EventInvokeConfig:
                                DestinationConfig:
                                  OnFailure: {Type: SNS, Destination: !Ref Alerts}
                        """);

        assertThatThrownBy(parsed::functions)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(
                        "Resources.F.Properties.EventInvokeConfig.DestinationConfig.OnFailure.Type");
    }

    @Test
    void readsTheS3EventSourceWithItsBucketEventsAndKeyFilter() {
        FunctionResource backfill = template.function("BackfillLinksFunction");

        assertThat(backfill.s3EventSources())
                .containsExactly(
                        new S3EventSource(
                                "ImportUpload",
                                "ImportBucket",
                                List.of("s3:ObjectCreated:*"),
                                "imports/",
                                ""));
    }

    @Test
    void readsTheScheduleEvent() {
        assertThat(template.function("BackfillLinksFunction").schedules())
                .containsExactly(new ScheduleEventSource("Recrawl", "rate(1 day)", true));
    }

    @Test
    void bucketNameIsItsBucketNameEvaluatedWithTheLocalAccountAndRegion() {
        assertThat(template.buckets())
                .containsExactly(
                        new BucketResource(
                                "ImportBucket", "linkcrawl-imports-000000000000-us-east-1"));
    }

    @Test
    void bucketWithoutANameIsNamedAfterItsLogicalIdInLowerCase() {
        SamTemplate parsed =
                SamTemplate.parse("Resources: {ImportBucket: {Type: AWS::S3::Bucket}}");

        BucketResource bucket = parsed.buckets().getFirst();

        assertThat(bucket.bucketName()).isEqualTo("importbucket");
        assertThat(bucket.arn()).isEqualTo("arn:aws:s3:::importbucket");
    }

    @Test
    void bucketNameThatS3WouldRefuseIsAnError() {
        SamTemplate parsed =
                SamTemplate.parse(
                        "Resources: {B: {Type: AWS::S3::Bucket, Properties: {BucketName: Bad_Name}}}");

        assertThatThrownBy(parsed::buckets)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.B.Properties.BucketName");
    }

    @Test
    void anS3EventMustNameABucketOfTheTemplate() {
        SamTemplate parsed =
                SamTemplate.parse(
                        """
                        Resources:
                          F:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: f.jar
                              Handler: a.B
                              Events:
                                E: {Type: S3, Properties: {Bucket: some-bucket, Events: s3:ObjectCreated:*}}
                        """);

        assertThatThrownBy(parsed::functions)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.F.Properties.Events.E.Properties.Bucket");
    }

    @Test
    void s3EventMatchesItsEventTypesAndTheKeyPrefixAndSuffix() {
        S3EventSource source =
                new S3EventSource("E", "B", List.of("s3:ObjectCreated:*"), "imports/", ".html");

        assertThat(source.matches("ObjectCreated:Put", "imports/alice/b.html")).isTrue();
        assertThat(source.matches("ObjectCreated:Copy", "imports/alice/b.html")).isTrue();
        assertThat(source.matches("ObjectRemoved:Delete", "imports/alice/b.html")).isFalse();
        assertThat(source.matches("ObjectCreated:Put", "other/alice/b.html")).isFalse();
        assertThat(source.matches("ObjectCreated:Put", "imports/alice/b.txt")).isFalse();
    }

    @Test
    void s3EventNamingOneTypeMatchesOnlyThatType() {
        S3EventSource source = new S3EventSource("E", "B", List.of("s3:ObjectCreated:Put"), "", "");

        assertThat(source.matches("ObjectCreated:Put", "any")).isTrue();
        assertThat(source.matches("ObjectCreated:Post", "any")).isFalse();
    }
}
