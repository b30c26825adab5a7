package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.PointerPattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code x-lakehouse} of a fill contract. Strict: an unknown member, a malformed pointer or
 * an unknown operator is an error that names where it is, so a typo never silently disables a rule.
 */
public final class FillRulesReader {

    private static final Set<String> TOP = Set.of("description", "extraSlots", "grounded", "placeholders", "rules");
    private static final Set<String> COMMON = Set.of("id", "type", "each", "when", "message");

    private FillRulesReader() {
    }

    public static FillRules read(@Nullable JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return new FillRules(false, List.of(), List.of(), List.of(), List.of());
        }
        requireObject(extension, "x-lakehouse");
        onlyKnown(extension, TOP, "x-lakehouse");
        String extraSlots = extension.path("extraSlots").asString("reject");
        if (!extraSlots.equals("reject") && !extraSlots.equals("allow")) {
            throw new IllegalArgumentException("x-lakehouse.extraSlots must be \"reject\" or \"allow\"");
        }
        JsonNode placeholders = extension.path("placeholders");
        if (!placeholders.isMissingNode()) {
            requireObject(placeholders, "x-lakehouse.placeholders");
            onlyKnown(placeholders, Set.of("allow", "notApplicable"), "x-lakehouse.placeholders");
        }
        return new FillRules(extraSlots.equals("allow"), patterns(extension.path("grounded"), "x-lakehouse.grounded"),
                strings(placeholders.path("allow"), "x-lakehouse.placeholders.allow"),
                patterns(placeholders.path("notApplicable"), "x-lakehouse.placeholders.notApplicable"),
                rules(extension.path("rules")));
    }

    private static List<FillRule> rules(JsonNode rules) {
        List<FillRule> read = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < (rules.isArray() ? rules.size() : 0); i++) {
            String where = "x-lakehouse.rules[" + i + "]";
            FillRule rule = rule(rules.get(i), where);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException(where + ": rule id '" + rule.id() + "' is used twice");
            }
            read.add(rule);
        }
        if (!rules.isMissingNode() && !rules.isArray()) {
            throw new IllegalArgumentException("x-lakehouse.rules must be an array");
        }
        return read;
    }

    private static FillRule rule(JsonNode node, String where) {
        requireObject(node, where);
        String type = node.path("type").asString("");
        String id = node.path("id").asString("");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(where + ": id must be 1-64 of [a-z0-9._-], starting with a letter or digit");
        }
        PointerPattern each = node.has("each") ? pattern(node.get("each"), where + ".each") : null;
        Condition when = node.has("when") ? condition(node.get("when"), where + ".when") : null;
        String message = node.has("message") ? node.get("message").asString() : null;
        return switch (type) {
            case "compare" -> {
                onlyKnown(node, with("left", "op", "right"), where);
                String op = node.path("op").asString("");
                if (!CompareRule.OPERATORS.contains(op)) {
                    throw new IllegalArgumentException(where + ".op must be one of " + CompareRule.OPERATORS);
                }
                yield new CompareRule(id, each, when, message, operand(node.path("left"), where + ".left"), op,
                        operand(node.path("right"), where + ".right"));
            }
            case "required", "forbidden" -> {
                onlyKnown(node, with("paths"), where);
                yield new PresenceRule(id, each, when, message, type.equals("required"), nonEmpty(patterns(node.path("paths"),
                        where + ".paths"), where + ".paths"));
            }
            case "sum", "product" -> {
                onlyKnown(node, with("of", "equals", "tolerance"), where);
                JsonNode tolerance = node.path("tolerance");
                if (!tolerance.isMissingNode() && (!tolerance.isNumber() || tolerance.decimalValue().signum() < 0)) {
                    throw new IllegalArgumentException(where + ".tolerance must be a number >= 0");
                }
                yield new ArithmeticRule(id, each, when, message, type.equals("product"),
                        nonEmpty(patterns(node.path("of"), where + ".of"), where + ".of"), pattern(node.path("equals"), where + ".equals"),
                        tolerance.isMissingNode() ? BigDecimal.ZERO : tolerance.decimalValue());
            }
            default -> throw new IllegalArgumentException(where + ".type must be compare, required, forbidden, sum or product");
        };
    }

    private static Operand operand(JsonNode node, String where) {
        if (node.isString()) {
            return new Operand.Slot(pattern(node, where));
        }
        if (node.isObject() && node.size() == 1 && node.has("const")) {
            return new Operand.Constant(node.get("const"));
        }
        if (node.isObject() && node.size() == 1 && node.has("count")) {
            return new Operand.Count(pattern(node.get("count"), where + ".count"));
        }
        throw new IllegalArgumentException(where + " must be a JSON Pointer, {\"const\": value} or {\"count\": pointer}");
    }

    private static Condition condition(JsonNode node, String where) {
        requireObject(node, where);
        onlyKnown(node, Set.of("path", "equals", "in", "present"), where);
        int tests = (node.has("equals") ? 1 : 0) + (node.has("in") ? 1 : 0) + (node.has("present") ? 1 : 0);
        if (tests != 1) {
            throw new IllegalArgumentException(where + " needs exactly one of equals, in, present");
        }
        if (node.has("in") && !node.get("in").isArray()) {
            throw new IllegalArgumentException(where + ".in must be an array");
        }
        if (node.has("present") && !node.get("present").isBoolean()) {
            throw new IllegalArgumentException(where + ".present must be true or false");
        }
        return new Condition(pattern(node.path("path"), where + ".path"), node.get("equals"),
                node.has("in") ? node.get("in").valueStream().toList() : null,
                node.has("present") ? node.get("present").asBoolean() : null);
    }

    private static List<PointerPattern> patterns(JsonNode node, String where) {
        List<PointerPattern> patterns = new ArrayList<>();
        for (String text : strings(node, where)) {
            patterns.add(parse(text, where));
        }
        return patterns;
    }

    private static PointerPattern pattern(JsonNode node, String where) {
        if (!node.isString()) {
            throw new IllegalArgumentException(where + " must be a JSON Pointer string");
        }
        return parse(node.asString(), where);
    }

    private static PointerPattern parse(String text, String where) {
        try {
            return PointerPattern.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray() || !node.valueStream().allMatch(JsonNode::isString)) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        return node.valueStream().map(JsonNode::asString).toList();
    }

    private static <T> List<T> nonEmpty(List<T> list, String where) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(where + " must not be empty");
        }
        return list;
    }

    private static Set<String> with(String... specific) {
        Set<String> known = new HashSet<>(COMMON);
        known.addAll(List.of(specific));
        return known;
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String where) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown member '" + name + "'; known: " + known.stream().sorted().toList());
            }
        }
    }
}
