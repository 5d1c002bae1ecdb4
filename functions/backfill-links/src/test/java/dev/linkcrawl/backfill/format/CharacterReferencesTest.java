package dev.linkcrawl.backfill.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharacterReferencesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a &amp; b|a & b",
                "&lt;b&gt; &quot;q&quot; &apos;s&#39;|<b> \"q\" 's'",
                "&#8211; &#x2013; &#X2013;|\u2013 \u2013 \u2013",
                "&#0; &#xD800; &#1114112;|\ufffd \ufffd \ufffd",
                "&copy; stays|&copy; stays",
                "a & b; no reference|a & b; no reference",
                "&#xZZ;|&#xZZ;",
                "?a=1&b=2&amp;c=3|?a=1&b=2&c=3",
                "trailing &|trailing &"
            })
    void decodesNumericAndCommonNamedReferencesOnly(String text, String expected) {
        assertThat(CharacterReferences.decode(text)).isEqualTo(expected);
    }
}
