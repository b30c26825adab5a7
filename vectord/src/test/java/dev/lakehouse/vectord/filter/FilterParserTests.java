package dev.lakehouse.vectord.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.vectord.VectordException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FilterParserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PayloadSchema SCHEMA = new PayloadSchema(Map.of(
            "genre", PayloadType.KEYWORD, "year", PayloadType.NUMBER, "inPrint", PayloadType.BOOLEAN));

    private static Filter.Bool parse(String json) {
        return FilterParser.parse(JSON.readTree(json), SCHEMA, 64);
    }

    @Test
    void conditionsAreTypedByTheSchema() {
        Filter.Bool filter = parse("{\"must\": [{\"key\": \"genre\", \"match\": \"sf\"}, {\"key\": \"year\", \"range\": {\"gte\": 1900}}],"
                + " \"mustNot\": [{\"key\": \"inPrint\", \"any\": [false]}]}");

        assertThat(filter.must()).containsExactly(new Filter.Match("genre", PayloadType.KEYWORD, "sf"),
                new Filter.Range("year", null, 1900.0, null, null));
        assertThat(filter.mustNot()).containsExactly(new Filter.Any("inPrint", PayloadType.BOOLEAN, List.of(false)));
        assertThat(filter.should()).isEmpty();
    }

    @Test
    void emptyOrAbsentFilterIsNoFilter() {
        assertThat(FilterParser.parse(null, SCHEMA, 64)).isNull();
        assertThat(parse("{}")).isNull();
    }

    @Test
    void tooManyConditionsAreRefused() {
        String many = "{\"should\": [" + "{\"key\": \"genre\", \"match\": \"x\"},".repeat(64) + "{\"key\": \"genre\", \"match\": \"y\"}]}";

        assertThatThrownBy(() -> parse(many)).isInstanceOfSatisfying(VectordException.class,
                e -> assertThat(e.getBody().getDetail()).contains("at most 64 conditions"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "{\"must\": [".repeat(FilterParser.MAX_NESTING + 1) + "]}".repeat(FilterParser.MAX_NESTING + 1);

        assertThatThrownBy(() -> parse(deep)).isInstanceOfSatisfying(VectordException.class,
                e -> assertThat(e.getBody().getDetail()).contains("nest deeper"));
    }
}
