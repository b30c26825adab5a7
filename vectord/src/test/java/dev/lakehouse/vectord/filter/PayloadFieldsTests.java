package dev.lakehouse.vectord.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.vectord.VectordException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadFieldsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nestedKeysAreJoinedWithDotsAndArraysGiveOneValueEach() {
        var values = PayloadFields.flatten(JSON.readTree(
                "{\"title\": \"Dune\", \"year\": 1965, \"ok\": true, \"tags\": [\"a\", \"b\"], \"meta\": {\"lang\": \"en\", \"none\": null},"
                        + " \"authors\": [{\"name\": \"Herbert\"}]}"), 8);

        assertThat(values).containsExactlyInAnyOrder(
                new PayloadValue("title", PayloadType.KEYWORD, "Dune"),
                new PayloadValue("year", PayloadType.NUMBER, 1965.0),
                new PayloadValue("ok", PayloadType.BOOLEAN, true),
                new PayloadValue("tags", PayloadType.KEYWORD, "a"),
                new PayloadValue("tags", PayloadType.KEYWORD, "b"),
                new PayloadValue("meta.lang", PayloadType.KEYWORD, "en"),
                new PayloadValue("authors.name", PayloadType.KEYWORD, "Herbert"));
    }

    @Test
    void longTextIsStoredButNotFilterable() {
        var values = PayloadFields.flatten(JSON.readTree("{\"text\": \"" + "x".repeat(PayloadFields.MAX_KEYWORD_BYTES + 1) + "\"}"), 8);

        assertThat(values).isEmpty();
    }

    @Test
    void payloadDeeperThanTheLimitIsRefused() {
        assertThatThrownBy(() -> PayloadFields.flatten(JSON.readTree("{\"a\": {\"b\": [1]}}"), 2))
                .isInstanceOfSatisfying(VectordException.class, e -> assertThat(e.code()).isEqualTo("payload_too_deep"));
    }
}
