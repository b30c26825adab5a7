package dev.lakehouse.embedd.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBytesTests {

    @Test
    void escapesQuotesControlCharactersAndKeepsUnicode() {
        String value = "a\"b\\c\nd é 😀";

        String escaped = new String(JsonBytes.escape(value), StandardCharsets.UTF_8);

        assertThat(escaped).isEqualTo("a\\\"b\\\\c\\nd é 😀");
    }

    @Test
    void anUnpairedSurrogateBecomesTheReplacementCharacterInsteadOfFailing() {
        // What Jackson's parser makes of the invalid UTF-8 bytes F4 90 80 80 (above U+10FFFF).
        String value = "x\uDC00y\uD800";

        String escaped = new String(JsonBytes.escape(value), StandardCharsets.UTF_8);

        assertThat(escaped).isEqualTo("x\uFFFDy\uFFFD");
    }
}
