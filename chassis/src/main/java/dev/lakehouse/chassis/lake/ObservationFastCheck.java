package dev.lakehouse.chassis.lake;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A fast, conservative check of {@code lakehouse.observation/v1} (and the verdict it embeds):
 * written by hand from the schema files, it answers true only when the record certainly
 * passes the schema, and false whenever it is not sure (an integral number written as
 * 1.0, a timestamp in an unusual RFC 3339 form, a string with surrogate pairs near a length
 * limit...). The reader then runs the full JSON Schema validation, which decides. So a
 * record the schema rejects is still rejected; the well-formed majority costs a fraction of
 * the generic validator's time. {@code ObservationFastCheckTests} holds it to that on the
 * golden files and on mutated records, and pins the schema files it was written from.
 */
final class ObservationFastCheck {

    static final String SCHEMA = "lakehouse.observation/v1";

    private static final Set<String> TOP = Set.of("schema", "id", "ts", "completedAt", "durationMs", "requestId", "instance",
            "keyId", "role", "contract", "surface", "stream", "request", "attempts", "outcome", "provider", "model", "output",
            "usage", "gate", "validation", "error");
    private static final Set<String> REQUIRED = Set.of("schema", "id", "ts", "requestId", "role", "contract", "surface",
            "stream", "request", "attempts", "outcome", "durationMs");
    private static final Set<String> SURFACES = Set.of("openai", "ollama", "anthropic", "replay");
    private static final Set<String> OUTCOMES = Set.of("ok", "flagged", "rejected", "failed", "denied", "cancelled");
    private static final Set<String> REQUEST = Set.of("model", "systemPrompt", "messages", "params");
    private static final Set<String> MESSAGE = Set.of("role", "content", "name", "toolCallId");
    private static final Set<String> MESSAGE_ROLES = Set.of("system", "user", "assistant", "tool");
    private static final Set<String> PARAMS = Set.of("temperature", "topP", "maxTokens", "stop", "seed", "tools");
    private static final Set<String> ATTEMPT = Set.of("n", "provider", "model", "startedAt", "latencyMs", "firstByteMs",
            "status", "httpStatus", "error", "reask", "output", "usage", "violations");
    private static final Set<String> STATUSES = Set.of("ok", "invalid", "bleed", "error", "timeout", "circuit_open",
            "bulkhead_full", "client_error", "stream_cut");
    private static final Set<String> USAGE = Set.of("promptTokens", "completionTokens", "totalTokens", "estimated");
    private static final Set<String> OUTPUT = Set.of("content", "finishReason", "toolCalls");
    private static final Set<String> GATE = Set.of("allowed", "allowedRoles", "bleed");
    private static final Set<String> VERDICT = Set.of("schema", "valid", "contract", "validatorVersion", "durationMicros",
            "violations");
    private static final Set<String> VIOLATION = Set.of("code", "path", "message", "severity");
    private static final Set<String> SEVERITIES = Set.of("error", "warning", "info");
    private static final Set<String> ERROR = Set.of("code", "message");

    private ObservationFastCheck() {
    }

    /** True only when the record certainly passes {@code lakehouse.observation/v1}. */
    static boolean certainlyValid(JsonNode o) {
        return o.isObject() && only(o, TOP) && has(o, REQUIRED)
                && SCHEMA.equals(text(o.get("schema")))
                && string(o.get("id"), 1, 64) && PlainDateTime.valid(o.get("ts")) && absentOr(o.get("completedAt"), PlainDateTime::valid)
                && nonNegative(o.get("durationMs")) && string(o.get("requestId"), 1, 128)
                && absentOr(o.get("instance"), node -> node.isString())
                && absentOr(o.get("keyId"), node -> node.isNull() || string(node, 0, 64))
                && string(o.get("role"), 1, Integer.MAX_VALUE) && contract(o.get("contract"))
                && in(o.get("surface"), SURFACES) && o.get("stream").isBoolean()
                && request(o.get("request")) && every(o.get("attempts"), ObservationFastCheck::attempt)
                && in(o.get("outcome"), OUTCOMES)
                && absentOr(o.get("provider"), ObservationFastCheck::stringOrNull)
                && absentOr(o.get("model"), ObservationFastCheck::stringOrNull)
                && absentOr(o.get("output"), node -> node.isNull() || output(node))
                && absentOr(o.get("usage"), node -> node.isNull() || usage(node))
                && absentOr(o.get("gate"), ObservationFastCheck::gate)
                && absentOr(o.get("validation"), node -> node.isNull() || verdict(node))
                && absentOr(o.get("error"), node -> node.isNull() || error(node));
    }

    private static boolean request(JsonNode r) {
        return r.isObject() && only(r, REQUEST) && r.has("messages")
                && absentOr(r.get("model"), ObservationFastCheck::stringOrNull)
                && absentOr(r.get("systemPrompt"), ObservationFastCheck::stringOrNull)
                && r.get("messages").isArray() && !r.get("messages").isEmpty()
                && every(r.get("messages"), ObservationFastCheck::message)
                && absentOr(r.get("params"), ObservationFastCheck::params);
    }

    private static boolean message(JsonNode m) {
        return m.isObject() && only(m, MESSAGE) && m.has("role") && m.has("content") && in(m.get("role"), MESSAGE_ROLES)
                && m.get("content").isString() && absentOr(m.get("name"), JsonNode::isString)
                && absentOr(m.get("toolCallId"), JsonNode::isString);
    }

    private static boolean params(JsonNode p) {
        return p.isObject() && only(p, PARAMS)
                && absentOr(p.get("temperature"), node -> between(node, 0, 2))
                && absentOr(p.get("topP"), node -> between(node, 0, 1))
                && absentOr(p.get("maxTokens"), node -> integer(node, 1))
                && absentOr(p.get("stop"), node -> every(node, JsonNode::isString))
                && absentOr(p.get("seed"), node -> integer(node, Long.MIN_VALUE))
                && absentOr(p.get("tools"), JsonNode::isArray);
    }

    private static boolean attempt(JsonNode a) {
        return a.isObject() && only(a, ATTEMPT)
                && integer(a.get("n"), 1) && string(a.get("provider"), 1, Integer.MAX_VALUE)
                && string(a.get("model"), 1, Integer.MAX_VALUE) && PlainDateTime.valid(a.get("startedAt"))
                && nonNegative(a.get("latencyMs")) && in(a.get("status"), STATUSES)
                && absentOr(a.get("firstByteMs"), node -> node.isNull() || nonNegative(node))
                && absentOr(a.get("httpStatus"), node -> node.isNull() || (integer(node, 100) && node.longValue() <= 599))
                && absentOr(a.get("error"), ObservationFastCheck::stringOrNull)
                && absentOr(a.get("reask"), JsonNode::isBoolean)
                && absentOr(a.get("output"), ObservationFastCheck::stringOrNull)
                && absentOr(a.get("usage"), node -> node.isNull() || usage(node))
                && absentOr(a.get("violations"), node -> every(node, ObservationFastCheck::violation));
    }

    private static boolean usage(JsonNode u) {
        return u.isObject() && only(u, USAGE) && u.size() == USAGE.size()
                && integer(u.get("promptTokens"), 0) && integer(u.get("completionTokens"), 0)
                && integer(u.get("totalTokens"), 0) && u.get("estimated").isBoolean();
    }

    private static boolean output(JsonNode out) {
        return out.isObject() && only(out, OUTPUT) && out.has("content") && out.get("content").isString()
                && absentOr(out.get("finishReason"), ObservationFastCheck::stringOrNull)
                && absentOr(out.get("toolCalls"), JsonNode::isArray);
    }

    private static boolean gate(JsonNode g) {
        return g.isObject() && only(g, GATE) && g.has("allowed") && g.get("allowed").isBoolean()
                && absentOr(g.get("allowedRoles"), node -> node.isNull() || every(node, JsonNode::isString))
                && absentOr(g.get("bleed"), node -> every(node, ObservationFastCheck::violation));
    }

    private static boolean verdict(JsonNode v) {
        return v.isObject() && only(v, VERDICT)
                && v.has("valid") && v.has("contract") && v.has("violations") && v.has("validatorVersion") && v.has("durationMicros")
                && absentOr(v.get("schema"), node -> "lakehouse.validation-verdict/v1".equals(text(node)))
                && v.get("valid").isBoolean() && string(v.get("contract"), 1, Integer.MAX_VALUE)
                && string(v.get("validatorVersion"), 1, Integer.MAX_VALUE) && integer(v.get("durationMicros"), 0)
                && every(v.get("violations"), ObservationFastCheck::violation);
    }

    private static boolean violation(JsonNode v) {
        return v.isObject() && only(v, VIOLATION) && v.size() == VIOLATION.size()
                && code(v.get("code")) && jsonPointer(v.get("path")) && string(v.get("message"), 1, Integer.MAX_VALUE)
                && in(v.get("severity"), SEVERITIES);
    }

    private static boolean error(JsonNode e) {
        return e.isObject() && only(e, ERROR) && e.size() == ERROR.size()
                && e.get("code").isString() && e.get("message").isString();
    }

    // "^[a-z][a-z0-9_.]*$"
    private static boolean code(JsonNode node) {
        String s = node.isString() ? node.stringValue() : null;
        if (s == null || s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    // "^(text|email|fill:.+)$": a fill id of printable ASCII only, where '.' and '$' hold no surprises.
    private static boolean contract(JsonNode node) {
        String s = node.isString() ? node.stringValue() : null;
        if (s == null) {
            return false;
        }
        if (s.equals("text") || s.equals("email")) {
            return true;
        }
        return s.startsWith("fill:") && s.length() > 5 && printableAscii(s);
    }

    // RFC 6901: "" or "/..." where '~' is only ever followed by '0' or '1'.
    private static boolean jsonPointer(JsonNode node) {
        String s = node.isString() ? node.stringValue() : null;
        if (s == null || !(s.isEmpty() || s.charAt(0) == '/') || !printableAscii(s)) {
            return false;
        }
        for (int i = s.indexOf('~'); i >= 0; i = s.indexOf('~', i + 1)) {
            if (i + 1 >= s.length() || (s.charAt(i + 1) != '0' && s.charAt(i + 1) != '1')) {
                return false;
            }
        }
        return true;
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** JSON Schema lengths count code points; a string with surrogates is left to the full validator. */
    private static boolean string(JsonNode node, int min, int max) {
        if (node == null || !node.isString()) {
            return false;
        }
        String s = node.stringValue();
        if (s.length() > max || s.length() < min) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The string value, or null for any other node (Jackson 3's stringValue() throws on those). */
    static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static boolean stringOrNull(JsonNode node) {
        return node.isNull() || node.isString();
    }

    private static boolean integer(JsonNode node, long min) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min;
    }

    private static boolean nonNegative(JsonNode node) {
        return node != null && node.isNumber() && (node.isIntegralNumber() ? node.canConvertToLong() && node.longValue() >= 0
                : node.isDouble() && node.doubleValue() >= 0);
    }

    private static boolean between(JsonNode node, double min, double max) {
        return node.isNumber() && (node.isIntegralNumber() ? node.canConvertToLong() : node.isDouble())
                && node.doubleValue() >= min && node.doubleValue() <= max;
    }

    private static boolean in(JsonNode node, Set<String> values) {
        return node != null && node.isString() && values.contains(node.stringValue());
    }

    private static boolean every(JsonNode array, java.util.function.Predicate<JsonNode> check) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!check.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean absentOr(JsonNode node, java.util.function.Predicate<JsonNode> check) {
        return node == null || check.test(node);
    }

    private static boolean only(JsonNode object, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
            if (!allowed.contains(fields.next().getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(JsonNode object, Set<String> required) {
        for (String field : required) {
            if (!object.has(field)) {
                return false;
            }
        }
        return true;
    }
}
