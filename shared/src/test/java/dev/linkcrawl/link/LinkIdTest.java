package dev.linkcrawl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkIdTest {

    private static LinkUrl url(String raw) {
        return ((UrlCheck.Accepted) LinkUrl.check(raw, UrlPolicy.DEFAULT)).url();
    }

    @Test
    void isTheFirst16BytesOfSha256OfOwnerNewlineUrlInLowercaseHex() {
        // printf 'alice\nhttps://example.com/' | sha256sum | cut -c1-32
        assertThat(LinkId.of("alice", url("https://example.com/")).value())
                .isEqualTo("87b3295dafef5234331fe635111dbe28");
    }

    @Test
    void urlHashIsTheFirst16BytesOfSha256OfTheUrlAlone() {
        // printf 'https://example.com/' | sha256sum | cut -c1-32
        assertThat(LinkId.urlHash("https://example.com/"))
                .isEqualTo("0f115db062b7c0dd030b16878c99dea5");
    }

    @Test
    void isTheSameEveryTime() {
        LinkUrl url = url("https://example.com/a?b=1");

        assertThat(LinkId.of("alice", url)).isEqualTo(LinkId.of("alice", url));
    }

    @Test
    void is32LowercaseHexCharacters() {
        String id = LinkId.of("alice", url("https://example.com/")).value();

        assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void differsPerOwner() {
        LinkUrl url = url("https://example.com/");

        // printf 'bob\nhttps://example.com/' | sha256sum | cut -c1-32
        assertThat(LinkId.of("bob", url).value()).isEqualTo("982e5062216cf6f0eda6ce70e2949ffc");
        assertThat(LinkId.of("alice", url)).isNotEqualTo(LinkId.of("bob", url));
    }

    @Test
    void differsPerPage() {
        assertThat(LinkId.of("alice", url("https://example.com/a")))
                .isNotEqualTo(LinkId.of("alice", url("https://example.com/b")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTP://Example.COM:80/a/../b#x",
                "http://example.com/b",
                "http://EXAMPLE.com./%62",
                "http://example.com/./b?utm_source=news&fbclid=1",
                "http://ｅｘａｍｐｌｅ.com/b?",
            })
    void isTheSameForEveryWayOfWritingOnePage(String raw) {
        // printf 'alice\nhttp://example.com/b' | sha256sum | cut -c1-32
        assertThat(LinkId.of("alice", url(raw)).value())
                .isEqualTo("276939ea838b9bd87565ae13e06cd9c9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "87B3295DAFEF5234331FE635111DBE28",
                "87b3295d",
                "zzb3295dafef5234331fe635111dbe28"
            })
    void refusesTextThatIsNotAnId(String text) {
        assertThat(LinkId.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> new LinkId(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheShapeOfAnId() {
        assertThat(LinkId.isWellFormed("87b3295dafef5234331fe635111dbe28")).isTrue();
        assertThat(LinkId.isWellFormed(null)).isFalse();
    }
}
