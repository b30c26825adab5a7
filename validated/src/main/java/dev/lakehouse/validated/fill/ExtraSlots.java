package dev.lakehouse.validated.fill;

import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.verdict.JsonPointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * "No extra slots": every member of a fill must be declared by the contract's schema. Checked by
 * walking the fill beside the schema: an object's declared members are the {@code properties}
 * of its schema and of every schema applied in place ({@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code if}/{@code then}/{@code else}, local {@code $ref}s), so a member declared
 * in any branch counts. Where the schema decides itself ({@code additionalProperties},
 * {@code unevaluatedProperties}, {@code patternProperties}) or refers to another document, the
 * object is left to the schema. Doing this beside the schema rather than by adding
 * {@code unevaluatedProperties: false} to it avoids a JSON Schema subtlety: members of a branch
 * that fails (say, on a bad format) count as unevaluated and would be reported twice.
 */
public final class ExtraSlots {

    private static final List<String> IN_PLACE = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> CONDITIONALS = List.of("if", "then", "else");
    private static final int MAX_DEPTH = 64;

    private final JsonNode root;

    ExtraSlots(JsonNode root) {
        this.root = root;
    }

    List<Violation> find(JsonNode fill) {
        List<Violation> found = new ArrayList<>(0);
        walk(fill, List.of(root), "", found, 0);
        return found;
    }

    private void walk(JsonNode value, List<JsonNode> schemas, String pointer, List<Violation> found, int depth) {
        if (depth > MAX_DEPTH || schemas.isEmpty()) {
            return;
        }
        Set<JsonNode> applied = new LinkedHashSet<>();
        for (JsonNode schema : schemas) {
            if (!expand(schema, applied, 0)) {
                return;
            }
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                List<JsonNode> memberSchemas = memberSchemas(applied, member.getKey());
                String memberPointer = JsonPointers.child(pointer, member.getKey());
                if (memberSchemas.isEmpty()) {
                    found.add(Violation.error("fill.slot.unknown", memberPointer, "slot " + member.getKey()
                            + " is not declared by the contract"));
                } else {
                    walk(member.getValue(), memberSchemas, memberPointer, found, depth + 1);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), itemSchemas(applied, i), JsonPointers.index(pointer, i), found, depth + 1);
            }
        }
    }

    /** Collects the schema and its in-place subschemas; false when the check must leave this value to the schema. */
    private boolean expand(JsonNode schema, Set<JsonNode> applied, int depth) {
        if (!schema.isObject() || depth > MAX_DEPTH || !applied.add(schema)) {
            return true;
        }
        if (schema.has("additionalProperties") || schema.has("unevaluatedProperties") || schema.has("patternProperties")) {
            return false;
        }
        if (schema.has("$ref")) {
            JsonNode target = resolve(schema.get("$ref").asString(""));
            if (target == null || !expand(target, applied, depth + 1)) {
                return false;
            }
        }
        for (String keyword : IN_PLACE) {
            for (JsonNode branch : schema.path(keyword)) {
                if (!expand(branch, applied, depth + 1)) {
                    return false;
                }
            }
        }
        for (String keyword : CONDITIONALS) {
            if (schema.has(keyword) && !expand(schema.get(keyword), applied, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> memberSchemas(Set<JsonNode> applied, String name) {
        List<JsonNode> schemas = new ArrayList<>(1);
        for (JsonNode schema : applied) {
            JsonNode member = schema.path("properties").get(name);
            if (member != null) {
                schemas.add(member);
            }
        }
        return schemas;
    }

    private static List<JsonNode> itemSchemas(Set<JsonNode> applied, int index) {
        List<JsonNode> schemas = new ArrayList<>(1);
        for (JsonNode schema : applied) {
            JsonNode prefix = schema.path("prefixItems");
            if (index < prefix.size()) {
                schemas.add(prefix.get(index));
            } else if (schema.has("items")) {
                schemas.add(schema.get("items"));
            }
        }
        return schemas;
    }

    private @Nullable JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
