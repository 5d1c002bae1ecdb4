package dev.linkcrawl.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiRouteTest {

    @Test
    void literalRouteMatchesOnlyItsMethodAndPath() {
        HttpApiRoute route = new HttpApiRoute("POST", "/links");

        assertThat(route.match("POST", "/links")).contains(Map.of());
        assertThat(route.match("GET", "/links")).isEmpty();
        assertThat(route.match("POST", "/links/x")).isEmpty();
        assertThat(route.match("POST", "/link")).isEmpty();
    }

    @Test
    void parameterSegmentIsCapturedAndDecoded() {
        HttpApiRoute route = new HttpApiRoute("GET", "/links/{id}");

        assertThat(route.match("GET", "/links/ab%2Fc+d")).contains(Map.of("id", "ab/c+d"));
        assertThat(route.match("GET", "/links/")).isEmpty();
        assertThat(route.match("GET", "/links")).isEmpty();
        assertThat(route.match("GET", "/links/a/b")).isEmpty();
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() {
        HttpApiRoute route = new HttpApiRoute("ANY", "/files/{path+}");

        assertThat(route.match("DELETE", "/files/a/b/c")).contains(Map.of("path", "a/b/c"));
        assertThat(route.match("GET", "/files")).isEmpty();
    }

    @Test
    void literalRoutesAreMoreSpecificThanParameterRoutes() {
        assertThat(new HttpApiRoute("GET", "/links/new").specificity())
                .isGreaterThan(new HttpApiRoute("GET", "/links/{id}").specificity());
        assertThat(new HttpApiRoute("GET", "/links/{id}").specificity())
                .isGreaterThan(new HttpApiRoute("ANY", "/links/{id}").specificity());
        assertThat(new HttpApiRoute("GET", "/links/{id}").specificity())
                .isGreaterThan(new HttpApiRoute("GET", "/links/{rest+}").specificity());
    }

    @Test
    void greedyParameterMustBeLast() {
        assertThatThrownBy(() -> new HttpApiRoute("GET", "/{rest+}/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
