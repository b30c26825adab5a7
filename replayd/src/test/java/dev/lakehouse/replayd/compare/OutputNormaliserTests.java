package dev.lakehouse.replayd.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutputNormaliserTests {

    private final OutputNormaliser normaliser = new OutputNormaliser(JsonMapper.builder().build());

    @Test
    void textIsTheSameWhateverItsSpacing() {
        assertThat(normaliser.sameAnswer("Paris is\nthe  capital.", "  Paris is the capital.\n")).isTrue();
    }

    @Test
    void textKeepsItsCase() {
        assertThat(normaliser.sameAnswer("Paris", "paris")).isFalse();
    }

    @Test
    void compatibilityCharactersAreFoldedByNfkc() {
        assertThat(normaliser.sameAnswer("ﬁle №1", "file No1")).isTrue();
    }

    @Test
    void jsonIsTheSameWhateverItsKeyOrderSpacingAndNumberSpelling() {
        String original = "{\"to\":[\"bob@example.com\"],\"hours\":8}";
        String target = "{ \"hours\": 8.0,\n  \"to\": [ \"bob@example.com\" ] }";

        assertThat(normaliser.sameAnswer(original, target)).isTrue();
    }

    @Test
    void aFencedJsonBlockIsComparedByItsContent() {
        assertThat(normaliser.sameAnswer("```json\n{\"a\":1}\n```", "{\"a\": 1}")).isTrue();
    }

    @Test
    void jsonWithAChangedValueOrAnExtraMemberDiffers() {
        assertThat(normaliser.sameAnswer("{\"a\":1}", "{\"a\":2}")).isFalse();
        assertThat(normaliser.sameAnswer("{\"a\":1}", "{\"a\":1,\"b\":null}")).isFalse();
        assertThat(normaliser.sameAnswer("[1,2]", "[2,1]")).isFalse();
    }

    @Test
    void jsonAndProseAreComparedAsText() {
        assertThat(normaliser.sameAnswer("{\"a\":1}", "Here it is: {\"a\":1}")).isFalse();
        assertThat(normaliser.sameAnswer("{broken", "{broken")).isTrue();
    }
}
