package dev.linkcrawl.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aCrawlMessageIsKnownByItsLinkIdAndOwner() {
        DeadLetters.DeadLetter letter =
                DeadLetters.letter(
                        "queue",
                        "{\"v\":1,\"id\":\"0123456789abcdef0123456789abcdef\",\"owner\":\"alice\"}");

        assertThat(letter.key()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(letter.owner()).contains("alice");
    }

    @Test
    void aBodyThatIsNotJsonIsKnownByItself() {
        DeadLetters.DeadLetter letter = DeadLetters.letter("queue", "not json {");

        assertThat(letter.key()).isEqualTo("body:not json {");
        assertThat(letter.owner()).isEmpty();
    }
}
