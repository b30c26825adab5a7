package dev.lakehouse.vectord.filter;

import dev.lakehouse.vectord.VectordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON filter language against a collection's payload schema:
 * <pre>
 * filter    := {"must": [clause], "should": [clause], "mustNot": [clause]}
 * clause    := filter | {"key": k, "match": v} | {"key": k, "any": [v, ...]} | {"key": k, "range": {"gt", "gte", "lt", "lte"}}
 * </pre>
 * Every mistake is a 400 that names the JSON Pointer of the offending part: an unknown key, a
 * value of the wrong type, a range on a non-numeric key, too many conditions or too deep nesting.
 */
public final class FilterParser {

    /** Deepest nesting of filters inside filters. */
    public static final int MAX_NESTING = 8;
    private static final Set<String> BOOL_FIELDS = Set.of("must", "should", "mustNot");
    private static final Set<String> RANGE_FIELDS = Set.of("gt", "gte", "lt", "lte");

    private final PayloadSchema schema;
    private final int maxConditions;
    private int conditions;

    private FilterParser(PayloadSchema schema, int maxConditions) {
        this.schema = schema;
        this.maxConditions = maxConditions;
    }

    /** Null or an empty object means no filter. */
    public static Filter.@Nullable Bool parse(@Nullable JsonNode json, PayloadSchema schema, int maxConditions) {
        if (json == null || json.isNull() || json.isMissingNode() || (json.isObject() && json.isEmpty())) {
            return null;
        }
        return new FilterParser(schema, maxConditions).bool(json, "/filter", 1);
    }

    private Filter.Bool bool(JsonNode json, String pointer, int depth) {
        if (!json.isObject()) {
            throw invalid(pointer, "a filter is an object with must, should and mustNot arrays");
        }
        if (depth > MAX_NESTING) {
            throw invalid(pointer, "filters nest deeper than " + MAX_NESTING + " levels");
        }
        for (String name : json.propertyNames()) {
            if (!BOOL_FIELDS.contains(name)) {
                throw invalid(pointer + "/" + name, "unknown filter field '" + name + "'; a filter has must, should, mustNot");
            }
        }
        return new Filter.Bool(clauses(json.get("must"), pointer + "/must", depth),
                clauses(json.get("should"), pointer + "/should", depth),
                clauses(json.get("mustNot"), pointer + "/mustNot", depth));
    }

    private List<Filter> clauses(@Nullable JsonNode json, String pointer, int depth) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw invalid(pointer, "must be an array of conditions or filters");
        }
        List<Filter> clauses = new ArrayList<>();
        int index = 0;
        for (JsonNode clause : json) {
            String at = pointer + "/" + index++;
            clauses.add(clause.has("key") ? condition(clause, at) : bool(clause, at, depth + 1));
        }
        return clauses;
    }

    private Filter condition(JsonNode json, String pointer) {
        if (++conditions > maxConditions) {
            throw invalid(pointer, "a filter may hold at most " + maxConditions
                    + " conditions (lakehouse.vectord.limits.max-filter-conditions)");
        }
        JsonNode keyNode = json.get("key");
        if (!keyNode.isString() || keyNode.asString().isEmpty()) {
            throw invalid(pointer + "/key", "key must be a non-empty string");
        }
        String key = keyNode.asString();
        PayloadType type = schema.typeOf(key).orElseThrow(() -> invalid(pointer + "/key",
                "unknown payload key '" + key + "': no point of this collection has it, so its type is unknown"));
        if (json.size() != 2) {
            throw invalid(pointer, "a condition has a key and exactly one of match, any, range");
        }
        if (json.has("match")) {
            return new Filter.Match(key, type, scalar(json.get("match"), type, key, pointer + "/match"));
        }
        if (json.has("any")) {
            return any(json.get("any"), key, type, pointer + "/any");
        }
        if (json.has("range")) {
            return range(json.get("range"), key, type, pointer + "/range");
        }
        throw invalid(pointer, "a condition has a key and exactly one of match, any, range");
    }

    private Filter any(JsonNode json, String key, PayloadType type, String pointer) {
        if (!json.isArray() || json.isEmpty()) {
            throw invalid(pointer, "any must be a non-empty array of values");
        }
        List<Object> values = new ArrayList<>();
        int index = 0;
        for (JsonNode value : json) {
            values.add(scalar(value, type, key, pointer + "/" + index++));
        }
        return new Filter.Any(key, type, values);
    }

    private Filter range(JsonNode json, String key, PayloadType type, String pointer) {
        if (type != PayloadType.NUMBER) {
            throw invalid(pointer, "range needs a number key; payload key '" + key + "' holds " + type.wire() + " values");
        }
        if (!json.isObject() || json.isEmpty()) {
            throw invalid(pointer, "range must be an object with at least one of gt, gte, lt, lte");
        }
        for (Map.Entry<String, JsonNode> bound : json.properties()) {
            if (!RANGE_FIELDS.contains(bound.getKey()) || !bound.getValue().isNumber()) {
                throw invalid(pointer + "/" + bound.getKey(), "range bounds are gt, gte, lt, lte with number values");
            }
        }
        return new Filter.Range(key, bound(json, "gt"), bound(json, "gte"), bound(json, "lt"), bound(json, "lte"));
    }

    private static @Nullable Double bound(JsonNode range, String name) {
        JsonNode value = range.get(name);
        return value == null ? null : value.doubleValue();
    }

    private static Object scalar(JsonNode value, PayloadType type, String key, String pointer) {
        return switch (type) {
            case KEYWORD -> {
                if (!value.isString()) {
                    throw mismatch(pointer, key, type);
                }
                yield value.asString();
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw mismatch(pointer, key, type);
                }
                yield value.doubleValue();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw mismatch(pointer, key, type);
                }
                yield value.booleanValue();
            }
        };
    }

    private static VectordException mismatch(String pointer, String key, PayloadType type) {
        return VectordException.invalid("filter_type_mismatch", pointer + ": payload key '" + key + "' holds "
                + type.wire() + " values in this collection; the filter value must be a " + type.wire());
    }

    private static VectordException invalid(String pointer, String detail) {
        return VectordException.invalid("invalid_filter", pointer + ": " + detail);
    }
}
