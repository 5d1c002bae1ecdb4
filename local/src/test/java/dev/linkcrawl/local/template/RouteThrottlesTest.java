package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP API's throttles, as the local API reads them from a template. */
class RouteThrottlesTest {

    @Test
    void theProjectTemplateThrottlesSavesMoreTightlyThanTheOtherRoutes() {
        SamTemplate template = SamTemplate.read(SamTemplateTest.TEMPLATE);

        RouteThrottles throttles = template.routeThrottles();

        assertThat(throttles.of(new HttpApiRoute("POST", "/links")))
                .contains(new RouteThrottle(50, 100));
        assertThat(throttles.of(new HttpApiRoute("GET", "/links")))
                .contains(new RouteThrottle(100, 200));
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

        assertThat(template.routeThrottles().of(new HttpApiRoute("GET", "/x")))
                .contains(new RouteThrottle(2.5, 5));
    }

    @Test
    void routeSettingsOfTheCatchAllRouteAreNotTheDefault() {
        SamTemplate template =
                SamTemplate.parse(
                        """
                        Resources:
                          Api:
                            Type: AWS::Serverless::HttpApi
                            Properties:
                              DefaultRouteSettings: {ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20}
                              RouteSettings:
                                "$default": {ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2}
                        """);

        assertThat(template.routeThrottles().of(new HttpApiRoute("GET", "/other")))
                .contains(new RouteThrottle(10, 20));
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

        assertThat(template.routeThrottles())
                .isEqualTo(new RouteThrottles(Optional.empty(), Map.of()));
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
