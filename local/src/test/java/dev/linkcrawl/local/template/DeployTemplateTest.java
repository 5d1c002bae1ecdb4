package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.ApiDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the deployed stack promises beyond what {@code ./linkcrawl dev} runs: nothing expires
 * unseen, alarms reach someone, the saved links outlive the stack, and each function reaches only
 * the links index and its counts.
 */
class DeployTemplateTest {

    private final SamTemplate template = SamTemplate.read(SamTemplateTest.TEMPLATE);
    private final Map<String, Object> resources = template.resources();

    @Test
    void everyDeadLetterQueueKeepsMessagesLongerThanItsSource() {
        List<QueueResource> sources =
                template.queues().stream().filter(q -> q.redrive().isPresent()).toList();

        assertThat(sources)
                .extracting(QueueResource::logicalId)
                .contains("CrawlQueue", "BackfillQueue");
        for (QueueResource source : sources) {
            QueueResource deadLetters =
                    template.queues().stream()
                            .filter(
                                    q ->
                                            q.logicalId()
                                                    .equals(
                                                            source.redrive()
                                                                    .get()
                                                                    .deadLetterQueue()))
                            .findFirst()
                            .orElseThrow();
            assertThat(deadLetters.messageRetentionPeriod())
                    .as(source.logicalId())
                    .isGreaterThan(source.messageRetentionPeriod());
        }
    }

    @Test
    void bothWorkQueuesAlarmOnTheAgeOfTheirOldestMessageWellBeforeItExpires() {
        for (String queue : List.of("CrawlQueue", "BackfillQueue")) {
            Map<String, Object> alarm =
                    alarms().stream()
                            .filter(
                                    a ->
                                            "ApproximateAgeOfOldestMessage"
                                                    .equals(a.get("MetricName")))
                            .filter(a -> String.valueOf(a.get("Dimensions")).contains(queue + ","))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no age alarm on " + queue));
            long retentionSeconds =
                    template.queues().stream()
                            .filter(q -> q.logicalId().equals(queue))
                            .findFirst()
                            .orElseThrow()
                            .messageRetentionPeriod()
                            .toSeconds();
            assertThat(Long.parseLong(String.valueOf(alarm.get("Threshold"))))
                    .isLessThanOrEqualTo(retentionSeconds / 2);
        }
    }

    @Test
    void everyAlarmNotifiesTheStacksTopicUnlessAnotherIsNamed() {
        Object expected =
                List.of(
                        Map.of(
                                "Fn::If",
                                List.of(
                                        "CreateAlarmTopic",
                                        Map.of("Ref", "AlarmTopic"),
                                        Map.of("Ref", "AlarmTopicArn"))));

        assertThat(alarms())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("AlarmActions")).isEqualTo(expected));
        assertThat(resource("AlarmTopic").get("Condition")).isEqualTo("CreateAlarmTopic");
        assertThat(properties("AlarmEmailSubscription").get("Protocol")).isEqualTo("email");
    }

    @Test
    void anImportOrASentPageThatFailsAfterLambdasRetriesLeavesItsEventOnAnAlarmedQueue() {
        for (String function : List.of("BackfillLinksFunction", "ClientPageFunction")) {
            assertThat(String.valueOf(properties(function).get("EventInvokeConfig")))
                    .as(function)
                    .contains("MaximumRetryAttempts=2")
                    .contains("Type=SQS")
                    .contains("BackfillFailedInvocationsQueue");
        }
        assertThat(alarms())
                .anySatisfy(
                        a ->
                                assertThat(String.valueOf(a.get("Dimensions")))
                                        .contains("BackfillFailedInvocationsQueue,"));
        assertThat(String.valueOf(properties("ClientPageFunction").get("Events")))
                .contains("Bucket={Ref=ImportBucket}")
                .contains("Value=pages/");
    }

    @Test
    void theDomainOfSavedLinksOutlivesTheStackAndItsReplacement() {
        Map<String, Object> domain = resource("LinksDomain");

        assertThat(domain.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(domain.get("UpdateReplacePolicy")).isEqualTo("Retain");
        assertThat(String.valueOf(properties("LinksDomain").get("ClusterConfig")))
                .contains("ProdDomain")
                .contains("ZoneAwarenessEnabled");
    }

    /** The paths a function may reach: the links index, its counts, and closing a scan. */
    private static final Pattern ALLOWED_PATH =
            Pattern.compile(".*/\\$\\{IndexName\\}(-quotas)?(/\\*)?|.*/_search/point_in_time");

    @Test
    void noFunctionReachesBeyondTheLinksIndexAndItsCounts() {
        for (FunctionResource function : template.functions()) {
            for (Map<String, Object> statement : openSearchStatements(function.logicalId())) {
                List<String> paths = new ArrayList<>();
                collectSubs(statement.get("Resource"), paths);
                assertThat(paths).as(function.logicalId()).isNotEmpty();
                if (statement.get("Effect").equals("Allow")) {
                    assertThat(paths)
                            .as(function.logicalId())
                            .allSatisfy(path -> assertThat(path).matches(ALLOWED_PATH));
                }
            }
        }
    }

    @Test
    void everyFunctionThatPostsToTheIndexIsDeniedDeleteAndUpdateByQuery() {
        for (FunctionResource function : template.functions()) {
            List<Map<String, Object>> statements = openSearchStatements(function.logicalId());
            if (statements.isEmpty()) {
                continue;
            }
            List<String> denied = new ArrayList<>();
            statements.stream()
                    .filter(s -> s.get("Effect").equals("Deny"))
                    .forEach(s -> collectSubs(s.get("Resource"), denied));
            assertThat(denied)
                    .as(function.logicalId())
                    .anySatisfy(path -> assertThat(path).endsWith("/${IndexName}/_delete_by_query"))
                    .anySatisfy(
                            path -> assertThat(path).endsWith("/${IndexName}/_update_by_query"));
        }
    }

    @Test
    void anExistingDomainIsRefusedWithoutItsNameAndANameWithoutItsDomain() {
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = (Map<String, Object>) template.tree().get("Rules");

        assertThat(String.valueOf(rules.get("ExistingDomainNamesBoth")))
                .contains("OpenSearchEndpoint")
                .contains("OpenSearchDomainName");
        assertThat(String.valueOf(rules.get("CreatedDomainNamesNeither")))
                .contains("OpenSearchEndpoint")
                .contains("OpenSearchDomainName");
    }

    @Test
    void theApiDescriptionHasExactlyTheTemplatesRoutes() {
        Set<String> routes = new TreeSet<>();
        template.functions()
                .forEach(f -> f.routes().forEach(r -> routes.add(r.method() + " " + r.path())));

        assertThat(ApiDescription.load().operations()).isEqualTo(routes);
    }

    @Test
    void theImportBucketBlocksPublicAccessAndTakesUploadsOnlyPresignedByTheImportsApi() {
        assertThat(String.valueOf(properties("ImportBucket").get("PublicAccessBlockConfiguration")))
                .contains(
                        "BlockPublicAcls=true",
                        "BlockPublicPolicy=true",
                        "IgnorePublicAcls=true",
                        "RestrictPublicBuckets=true");
        String policy = String.valueOf(properties("ImportBucketPolicy").get("PolicyDocument"));

        assertThat(policy)
                .contains("aws:SecureTransport=false")
                .contains("ArnNotEquals={aws:PrincipalArn=[{Fn::GetAtt=[ImportUploadsFunctionRole")
                .contains("s3:authType=REST-QUERY-STRING")
                .contains("s3:signatureAge=900000")
                .contains("NotResource={Fn::Sub=${ImportBucket.Arn}/imports/*.result.json}");
    }

    @Test
    void sentPagesAreUploadedOnlyPresignedAndFreshWithinTheFetchCap() {
        String policy = String.valueOf(properties("ImportBucketPolicy").get("PolicyDocument"));

        assertThat(policy)
                .contains("${ImportBucket.Arn}/pages/*")
                .contains("s3:signatureAge=300000");
        assertThat(String.valueOf(properties("ImportUploadsFunction").get("Environment")))
                .contains("MAX_BODY_BYTES={Ref=MaxBodyBytes}");
        assertThat(String.valueOf(properties("CrawlLinkFunction").get("Environment")))
                .contains("MAX_BODY_BYTES={Ref=MaxBodyBytes}");
    }

    @Test
    void importsAreStartedAndReadThroughTheApiOnly() {
        FunctionResource uploads =
                template.functions().stream()
                        .filter(f -> f.logicalId().equals("ImportUploadsFunction"))
                        .findFirst()
                        .orElseThrow();

        assertThat(uploads.routes())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactlyInAnyOrder(
                        "POST /imports", "GET /imports/{id}", "POST /links/{id}/page");
        assertThat(String.valueOf(properties("ImportUploadsFunction").get("Environment")))
                .contains("IMPORT_MAX_BYTES={Ref=ImportMaxBytes}");
    }

    @Test
    void samBuildLeavesEveryMavenBuiltJarAsItIs() {
        for (FunctionResource function : template.functions()) {
            assertThat(resource(function.logicalId()).get("Metadata"))
                    .as(function.logicalId())
                    .isEqualTo(Map.of("SkipBuild", true));
            assertThat(String.valueOf(properties(function.logicalId()).get("CodeUri")))
                    .matches("functions/[a-z-]+/target/[a-z-]+\\.jar");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) resources.get(logicalId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).get("Properties");
    }

    private List<Map<String, Object>> alarms() {
        return resources.keySet().stream()
                .filter(id -> "AWS::CloudWatch::Alarm".equals(resource(id).get("Type")))
                .map(this::properties)
                .toList();
    }

    /** The policy statements of a function that name OpenSearch actions. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> openSearchStatements(String function) {
        List<Map<String, Object>> found = new ArrayList<>();
        Object policies = properties(function).get("Policies");
        if (!(policies instanceof List<?> list)) {
            return found;
        }
        for (Object policy : list) {
            if (policy instanceof Map<?, ?> map
                    && map.get("Statement") instanceof List<?> statements) {
                for (Object statement : statements) {
                    Map<String, Object> s = (Map<String, Object>) statement;
                    if (String.valueOf(s.get("Action")).contains("es:ESHttp")) {
                        found.add(s);
                    }
                }
            }
        }
        return found;
    }

    /** Every {@code Fn::Sub} string in {@code node}, both branches of an {@code Fn::If}. */
    private static void collectSubs(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> {
                        if (key.equals("Fn::Sub") && value instanceof String text) {
                            into.add(text);
                        } else {
                            collectSubs(value, into);
                        }
                    });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSubs(item, into));
        }
    }
}
