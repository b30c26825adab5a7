package dev.lakehouse.validated.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ModelOutputTests {

    private final JsonMapper json = JsonMappers.payloads();

    @Test
    void bareJsonIsReadAsIs() {
        ModelOutput output = ModelOutput.parse("\uFEFF  {\"a\": 1.10}\n", json);

        assertThat(output.fenced()).isFalse();
        assertThat(output.json().path("a").decimalValue()).isEqualByComparingTo("1.10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"```json\n{\"a\": 1}\n```", "```\n{\"a\": 1}\n```", "Here it is:\n\n```JSON\n{\"a\": 1}\n```\nDone.",
            "~~~json\n{\"a\": 1}\n~~~"})
    void jsonInOneCodeFenceIsReadAndMarkedFenced(String raw) {
        ModelOutput output = ModelOutput.parse(raw, json);

        assertThat(output.fenced()).isTrue();
        assertThat(output.json().path("a").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1} trailing", "{\"a\": 1, \"a\": 2}", "Sure, {\"a\": 1}", "{'a': 1}", "```json\n{\"a\": \n```"})
    void anythingElseIsNotJsonAndSaysWhy(String raw) {
        ModelOutput output = ModelOutput.parse(raw, json);

        assertThat(output.json()).isNull();
        assertThat(output.problem()).contains("not valid JSON");
    }

    @Test
    void blankOutputIsEmpty() {
        assertThat(ModelOutput.parse(" \n ", json).empty()).isTrue();
    }
}
