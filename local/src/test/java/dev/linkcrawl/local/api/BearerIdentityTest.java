package dev.linkcrawl.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerIdentityTest {

    static String jwt(String payloadJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(
                        "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    @Test
    void jwtClaimsAreDecodedWithoutVerification() {
        String token =
                jwt(
                        "{\"sub\":\"user-42\",\"iss\":\"https://issuer.example/\",\"exp\":1795775400,"
                                + "\"aud\":[\"linkcrawl\",\"admin\"],\"scope\":\"links:read links:write\"}");

        BearerIdentity identity = BearerIdentity.fromAuthorization("Bearer " + token).orElseThrow();

        assertThat(identity.claims())
                .containsEntry("sub", "user-42")
                .containsEntry("iss", "https://issuer.example/")
                .containsEntry("exp", "1795775400")
                .containsEntry("aud", "[linkcrawl admin]");
        assertThat(identity.scopes()).containsExactly("links:read", "links:write");
    }

    @Test
    void anyOtherTokenIsTheUserName() {
        assertThat(BearerIdentity.fromAuthorization("Bearer alice"))
                .contains(new BearerIdentity(Map.of("sub", "alice"), List.of()));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(BearerIdentity.fromAuthorization("bearer bob").orElseThrow().claims())
                .containsEntry("sub", "bob");
    }

    @Test
    void threePartsThatAreNotJsonAreAPlainToken() {
        assertThat(BearerIdentity.fromAuthorization("Bearer a.b.c").orElseThrow().claims())
                .isEqualTo(Map.of("sub", "a.b.c"));
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoIdentity() {
        assertThat(BearerIdentity.fromAuthorization(null)).isEmpty();
        assertThat(BearerIdentity.fromAuthorization("Basic YWxpY2U6c2VjcmV0")).isEmpty();
        assertThat(BearerIdentity.fromAuthorization("Bearer   ")).isEmpty();
    }
}
