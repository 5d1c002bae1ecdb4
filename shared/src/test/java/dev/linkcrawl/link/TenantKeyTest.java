package dev.linkcrawl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantKeyTest {

    @Test
    void sameOwnerAlwaysGetsTheSameKey() {
        assertThat(TenantKey.of("user-123")).isEqualTo(TenantKey.of("user-123"));
    }

    @Test
    void differentOwnersGetDifferentKeys() {
        assertThat(TenantKey.of("user-123")).isNotEqualTo(TenantKey.of("user-124"));
    }

    @Test
    void keyIsSha256OfTheOwnerBehindAPrefix() {
        // printf 'tenant\nuser-123' | sha256sum | cut -c1-32
        assertThat(TenantKey.of("user-123").value()).isEqualTo("t39fea3a4b421f995a151880bc37adae8");
    }

    @Test
    void keyNeverRevealsALongOrSensitiveOwner() {
        String owner = "someone.with.a.long.address@example.com".repeat(20);

        TenantKey key = TenantKey.of(owner);

        assertThat(key.value()).hasSize(33).doesNotContain("example");
    }

    @Test
    void refusesAValueOfAnotherShape() {
        assertThatThrownBy(() -> new TenantKey("user-123"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
