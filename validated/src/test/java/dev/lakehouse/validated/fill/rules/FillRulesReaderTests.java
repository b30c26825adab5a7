package dev.lakehouse.validated.fill.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FillRulesReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsEveryRuleTypeInOrder() {
        FillRules rules = FillRulesReader.read(JSON.readTree("""
                {"grounded": ["/a/*/b"], "placeholders": {"allow": ["{{x}}"], "notApplicable": ["/notes"]},
                 "rules": [
                  {"id": "c", "type": "compare", "left": "/end", "op": ">", "right": {"const": "09:00"}},
                  {"id": "r", "type": "required", "when": {"path": "/s", "in": ["x"]}, "paths": ["/w"]},
                  {"id": "f", "type": "forbidden", "when": {"path": "/s", "present": true}, "paths": ["/w"]},
                  {"id": "s", "type": "sum", "of": ["/i/*/a"], "equals": "/t", "tolerance": 0.5},
                  {"id": "p", "type": "product", "each": "/i/*", "of": ["/q", "/u"], "equals": "/a"}]}
                """));

        assertThat(rules.rules()).extracting(FillRule::id).containsExactly("c", "r", "f", "s", "p");
        assertThat(rules.rules()).extracting(rule -> rule.getClass().getSimpleName())
                .containsExactly("CompareRule", "PresenceRule", "PresenceRule", "ArithmeticRule", "ArithmeticRule");
        assertThat(rules.extraSlotsAllowed()).isFalse();
        assertThat(rules.allowsNotApplicable("/notes")).isTrue();
        assertThat(rules.allowsNotApplicable("/other")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"rules\": [{\"id\": \"x\", \"type\": \"compare\", \"left\": \"/a\", \"op\": \"=>\", \"right\": \"/b\"}]} | .op must be one of",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"compare\", \"left\": \"a\", \"op\": \">\", \"right\": \"/b\"}]}  | is not a JSON Pointer",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"ordered\"}]}                                                       | .type must be",
            "{\"rules\": [{\"type\": \"required\", \"paths\": [\"/a\"]}]}                                                 | id must be",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"required\", \"paths\": []}]}                                        | must not be empty",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"required\", \"paths\": [\"/a\"], \"pahts\": 1}]}                     | unknown member 'pahts'",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"required\", \"paths\": [\"/a\"], \"when\": {\"path\": \"/s\"}}]}    | exactly one of",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"sum\", \"of\": [\"/a\"], \"equals\": \"/b\", \"tolerance\": -1}]}    | tolerance must be",
            "{\"rules\": [{\"id\": \"x\", \"type\": \"required\", \"paths\": [\"/a\"]}, {\"id\": \"x\", \"type\": \"required\", \"paths\": [\"/b\"]}]} | used twice",
            "{\"extraSlots\": \"maybe\"}                                                                              | extraSlots must be",
            "{\"groundd\": []}                                                                                      | unknown member 'groundd'",
            "{\"grounded\": \"/a\"}                                                                                 | must be an array of strings"})
    void refusesMistakesNamingWhereTheyAre(String extension, String message) {
        assertThatThrownBy(() -> FillRulesReader.read(JSON.readTree(extension)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
