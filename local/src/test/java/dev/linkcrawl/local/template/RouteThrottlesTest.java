package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The HTTP API's throttles, as the local API reads them from a template. */
class RouteThrottlesTest {

    @Test
    void theProjectTemplateThrottlesSavesMoreTightlyThanTheOtherRoutes() {
        SamTemplate template = SamTemplate.read(SamTemplateTest.TEMPLATE);

        assertThat(template.routeThrottles())
                .containsEntry("POST /links", new RouteThrottle(50, 100))
                .containsEntry("$default", new RouteThrottle(100, 200));
    }

    @Test
    void readsLimitsGivenAsParameters() {
        SamTemplate template =
                SamTemplate.parse(
                        """
                        Parameters:
                          Rate: {Type: Number, Default: "2.5"}
                        Resources:
                          Api:
                            Type: AWS::Serverless::HttpApi
                            Properties:
                              RouteSettings:
                                "GET /x": {ThrottlingRateLimit: !Ref Rate, ThrottlingBurstLimit: 5}
                        """);

        assertThat(template.routeThrottles()).containsEntry("GET /x", new RouteThrottle(2.5, 5));
    }

    @Test
    void leavesOutASettingWithOnlyOneLimit() {
        SamTemplate template =
                SamTemplate.parse(
                        """
                        Resources:
                          Api:
                            Type: AWS::Serverless::HttpApi
                            Properties:
                              DefaultRouteSettings: {ThrottlingRateLimit: 10}
                        """);

        assertThat(template.routeThrottles()).isEmpty();
    }

    @Test
    void namesTheSettingWhoseLimitIsNotANumber() {
        SamTemplate template =
                SamTemplate.parse(
                        """
                        Resources:
                          Api:
                            Type: AWS::Serverless::HttpApi
                            Properties:
                              RouteSettings:
                                "POST /links": {ThrottlingRateLimit: fast, ThrottlingBurstLimit: 5}
                        """);

        assertThatThrownBy(template::routeThrottles)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.Api.Properties.RouteSettings.POST /links");
    }
}
