package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ResponseBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsAQuoteOfTheBodyAsTwoBytesOfTheEnvelope() {
        assertThat(ResponseBudget.envelopeBytes("\"")).isEqualTo(2);
    }

    @Test
    void countsAControlCharacterOfTheBodyAsSixBytes() {
        assertThat(ResponseBudget.envelopeBytes("\u0001")).isEqualTo(6);
    }

    @Test
    void countsWhatAnHtmlSafeOrAsciiOnlyWriterEscapesAsSixBytes() {
        assertThat(ResponseBudget.envelopeBytes("<>&'=é\u2028")).isEqualTo(7 * 6);
    }

    @Test
    void neverCountsLessThanJacksonWritesForAnyCharacterOfAStringValue() throws Exception {
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            String body = JSON.writeValueAsString(String.valueOf(c));
            String inBody = body.substring(1, body.length() - 1);
            String envelope = JSON.writeValueAsString(inBody);
            int written = envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 2;

            assertThat(ResponseBudget.envelopeBytesInBody(c))
                    .as("U+%04X", (int) c)
                    .isGreaterThanOrEqualTo(written);
        }
    }

    @Test
    void leavesADocumentThatFitsAsItIs() {
        ObjectNode document = JSON.createObjectNode().put("title", "t").put("text", "a short text");

        ResponseBudget.fitText(document);

        assertThat(document.path("text").asText()).isEqualTo("a short text");
        assertThat(document.has("textTruncated")).isFalse();
    }

    @Test
    void cutsATextOfControlCharactersUntilTheBodyFitsAndSaysSo() {
        ObjectNode document =
                JSON.createObjectNode().put("title", "t").put("text", "\u0001".repeat(1_048_576));

        ResponseBudget.fitText(document);

        assertThat(ResponseBudget.envelopeBytes(document.toString()))
                .isLessThanOrEqualTo(ResponseBudget.BODY_BYTES)
                .isGreaterThan(ResponseBudget.BODY_BYTES - 7);
        assertThat(document.path("textTruncated").asBoolean()).isTrue();
    }

    @Test
    void neverCutsATextInsideASurrogatePair() {
        ObjectNode document = JSON.createObjectNode().put("text", "\uD83D\uDE00".repeat(1_000_000));

        ResponseBudget.fitText(document);

        String text = document.path("text").asText();
        assertThat(text).isNotEmpty();
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isFalse();
    }
}
