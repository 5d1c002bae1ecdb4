package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intrinsic functions evaluated with local values. */
class IntrinsicsTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.parse(
                    """
                    Parameters:
                      Endpoint: {Type: String, Default: ""}
                      Audience: {Type: CommaDelimitedList, Default: "a, b"}
                      Issuer: {Type: String}
                      Size: {Type: Number, Default: 20}
                    Conditions:
                      NoEndpoint: !Equals [!Ref Endpoint, ""]
                      HasEndpoint: !Not [!Condition NoEndpoint]
                      Both: !And [!Condition NoEndpoint, !Equals [!Ref Size, 20]]
                    Mappings:
                      Sizes: {small: {heap: "256m"}}
                    Resources:
                      Queue: {Type: AWS::SQS::Queue}
                      Domain: {Type: AWS::OpenSearchService::Domain}
                    """);

    private static final Intrinsics.ResourceValues QUEUE_ONLY =
            new Intrinsics.ResourceValues() {
                @Override
                public Optional<Object> ref(String logicalId) {
                    return logicalId.equals("Queue")
                            ? Optional.of("http://127.0.0.1:9324/000000000000/Queue")
                            : Optional.empty();
                }

                @Override
                public Optional<Object> attribute(String logicalId, String attribute) {
                    return logicalId.equals("Queue") && attribute.equals("Arn")
                            ? Optional.of("arn:aws:sqs:us-east-1:000000000000:Queue")
                            : Optional.empty();
                }
            };

    private final Intrinsics intrinsics = TEMPLATE.intrinsics(QUEUE_ONLY);

    @Test
    void refToAQueueGivesItsLocalUrl() {
        assertThat(intrinsics.text(Map.of("Ref", "Queue")))
                .isEqualTo("http://127.0.0.1:9324/000000000000/Queue");
    }

    @Test
    void refToAParameterGivesItsDefaultAsText() {
        assertThat(intrinsics.evaluate(Map.of("Ref", "Size"))).isEqualTo("20");
        assertThat(intrinsics.evaluate(Map.of("Ref", "Audience"))).isEqualTo(List.of("a", "b"));
    }

    @Test
    void parameterWithoutDefaultIsUnresolvableWithAHint() {
        assertThatThrownBy(() -> intrinsics.text(Map.of("Ref", "Issuer")))
                .isInstanceOf(UnresolvableValueException.class)
                .hasMessageContaining("--parameter Issuer=");
    }

    @Test
    void overriddenParameterWins() {
        Intrinsics overridden =
                TEMPLATE.withParameters(Map.of("Endpoint", "http://127.0.0.1:9200"))
                        .intrinsics(QUEUE_ONLY);

        assertThat(overridden.condition("HasEndpoint")).isTrue();
        assertThat(
                        overridden.text(
                                Map.of(
                                        "Fn::If",
                                        List.of(
                                                "NoEndpoint",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of("Domain", "DomainEndpoint")),
                                                Map.of("Ref", "Endpoint")))))
                .isEqualTo("http://127.0.0.1:9200");
    }

    @Test
    void conditionsAreEvaluatedFromParameterDefaults() {
        assertThat(intrinsics.condition("NoEndpoint")).isTrue();
        assertThat(intrinsics.condition("HasEndpoint")).isFalse();
        assertThat(intrinsics.condition("Both")).isTrue();
    }

    @Test
    void attributeOfAResourceThatOnlyExistsOnAwsIsUnresolvable() {
        assertThatThrownBy(
                        () ->
                                intrinsics.text(
                                        Map.of("Fn::Sub", "https://${Domain.DomainEndpoint}")))
                .isInstanceOf(UnresolvableValueException.class)
                .hasMessageContaining("Domain.DomainEndpoint");
    }

    @Test
    void subReplacesPseudoParametersAttributesAndEscapes() {
        assertThat(
                        intrinsics.text(
                                Map.of(
                                        "Fn::Sub",
                                        "${AWS::Region}/${AWS::AccountId}/${Queue.Arn}/${!Literal}/${Size}")))
                .isEqualTo(
                        "us-east-1/000000000000/arn:aws:sqs:us-east-1:000000000000:Queue/${Literal}/20");
    }

    @Test
    void subTakesItsOwnVariables() {
        assertThat(
                        intrinsics.text(
                                Map.of(
                                        "Fn::Sub",
                                        List.of(
                                                "${a}-${b}",
                                                Map.of("a", "x", "b", Map.of("Ref", "Size"))))))
                .isEqualTo("x-20");
    }

    @Test
    void joinSelectSplitAndFindInMap() {
        assertThat(
                        intrinsics.text(
                                Map.of(
                                        "Fn::Join",
                                        List.of("-", List.of("a", Map.of("Ref", "Size"))))))
                .isEqualTo("a-20");
        assertThat(intrinsics.text(Map.of("Fn::Select", List.of(1, Map.of("Ref", "Audience")))))
                .isEqualTo("b");
        assertThat(intrinsics.evaluate(Map.of("Fn::Split", List.of(",", "x,y"))))
                .isEqualTo(List.of("x", "y"));
        assertThat(intrinsics.text(Map.of("Fn::FindInMap", List.of("Sizes", "small", "heap"))))
                .isEqualTo("256m");
    }

    @Test
    void noValueRemovesTheElementThatHoldsIt() {
        Object evaluated =
                intrinsics.evaluate(
                        Map.of(
                                "Actions",
                                Map.of(
                                        "Fn::If",
                                        List.of(
                                                "HasEndpoint",
                                                List.of("x"),
                                                Map.of("Ref", "AWS::NoValue"))),
                                "Kept",
                                "yes"));

        assertThat(evaluated).isEqualTo(Map.of("Kept", "yes"));
    }

    @Test
    void importValueHasNoLocalValue() {
        assertThatThrownBy(() -> intrinsics.text(Map.of("Fn::ImportValue", "x")))
                .isInstanceOf(UnresolvableValueException.class);
    }

    @Test
    void integerReadsNumberParameters() {
        assertThat(intrinsics.integer(Map.of("Ref", "Size"))).isEqualTo(20);
    }
}
