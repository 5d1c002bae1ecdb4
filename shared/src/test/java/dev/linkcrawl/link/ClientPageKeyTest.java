package dev.linkcrawl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientPageKeyTest {

    private static final LinkId LINK = new LinkId("0123456789abcdef0123456789abcdef");
    private static final String NAME = "5f0c2a81d4b7e39a06c1f84b2d7e9a13.html";

    @Test
    void aNewKeyIsPinnedUnderTheOwnerAndTheLink() {
        ClientPageKey key = ClientPageKey.next("auth0|alice", LINK);

        assertThat(key.value())
                .matches(
                        "pages/auth0\\|alice/0123456789abcdef0123456789abcdef/[0-9a-f]{32}\\.html");
    }

    @Test
    void twoNewKeysOfTheSameLinkDiffer() {
        assertThat(ClientPageKey.next("alice", LINK))
                .isNotEqualTo(ClientPageKey.next("alice", LINK));
    }

    @Test
    void aKeyParsesBackToItsOwnerLinkAndName() {
        ClientPageKey key = ClientPageKey.next("alice@example.com", LINK);

        assertThat(ClientPageKey.parse(key.value())).hasValue(key);
    }

    @Test
    void theOwnerAndLinkComeFromTheKey() {
        ClientPageKey key =
                ClientPageKey.parse("pages/alice/0123456789abcdef0123456789abcdef/" + NAME)
                        .orElseThrow();

        assertThat(key.owner()).isEqualTo("alice");
        assertThat(key.link()).isEqualTo(LINK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "imports/alice/0123456789abcdef0123456789abcdef/"
                        + "5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "pages/alice/0123456789abcdef0123456789abcdef",
                "pages/alice/0123456789abcdef0123456789abcdef/",
                "pages//0123456789abcdef0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "pages/ /0123456789abcdef0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "pages/alice/0123456789ABCDEF0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "pages/alice/not-a-link/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "pages/alice/0123456789abcdef0123456789abcdef/page.html",
                "pages/alice/0123456789abcdef0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.htm",
                "pages/alice/0123456789abcdef0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html/x",
                "pages/a/b/0123456789abcdef0123456789abcdef/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html"
            })
    void aKeyOfAnyOtherShapeNamesNoPage(String key) {
        assertThat(ClientPageKey.parse(key)).isEqualTo(Optional.empty());
    }

    @Test
    void anOwnerWhoCannotNameAFolderGetsNoKey() {
        assertThatThrownBy(() -> ClientPageKey.next("a/b", LINK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientPageKey.next("a\nb", LINK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
