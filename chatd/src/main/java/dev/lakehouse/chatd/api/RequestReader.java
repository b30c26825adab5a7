package dev.lakehouse.chatd.api;

import dev.lakehouse.chatd.ChatdProperties;
import dev.lakehouse.chatd.chat.ChatException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields every surface shares, each checked with a 400 that names the field. The
 * limits are {@code lakehouse.chatd.limits.*}.
 */
public final class RequestReader {

    private final ChatdProperties.Limits limits;

    public RequestReader(ChatdProperties.Limits limits) {
        this.limits = limits;
    }

    public ChatdProperties.Limits limits() {
        return limits;
    }

    public static JsonNode object(JsonNode body) {
        if (!body.isObject()) {
            throw ChatException.invalid("the request body must be a JSON object", null);
        }
        return body;
    }

    public JsonNode messages(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw ChatException.invalid("'messages' must be a non-empty array", "messages");
        }
        if (messages.size() > limits.maxMessages()) {
            throw ChatException.invalid("'messages' has " + messages.size() + " entries; at most " + limits.maxMessages()
                    + " are accepted (lakehouse.chatd.limits.max-messages)", "messages");
        }
        return messages;
    }

    public static @Nullable String optionalText(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ChatException.invalid("'" + param + "' must be a string", param);
        }
        return value.asString();
    }

    public static @Nullable Double number(JsonNode node, String field, String param, double min, double max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw ChatException.invalid("'" + param + "' must be a number from " + min + " to " + max, param);
        }
        return value.asDouble();
    }

    public static @Nullable Integer positiveInt(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw ChatException.invalid("'" + param + "' must be a whole number of at least 1", param);
        }
        return value.asInt();
    }

    public static @Nullable Long integer(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ChatException.invalid("'" + param + "' must be a whole number", param);
        }
        return value.asLong();
    }

    public static @Nullable Boolean bool(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ChatException.invalid("'" + param + "' must be true or false", param);
        }
        return value.asBoolean();
    }

    /** A string or an array of strings (OpenAI's {@code stop}); null when absent. */
    public @Nullable List<String> stop(JsonNode node, String field, String param) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        List<String> stops = new ArrayList<>();
        if (value.isString()) {
            stops.add(value.asString());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    throw ChatException.invalid("'" + param + "' must be a string or an array of strings", param);
                }
                stops.add(item.asString());
            }
        } else {
            throw ChatException.invalid("'" + param + "' must be a string or an array of strings", param);
        }
        if (stops.size() > limits.maxStopSequences()) {
            throw ChatException.invalid("'" + param + "' has " + stops.size() + " entries; at most "
                    + limits.maxStopSequences() + " are accepted (lakehouse.chatd.limits.max-stop-sequences)", param);
        }
        return stops;
    }

    public @Nullable JsonNode tools(JsonNode node, String field) {
        JsonNode tools = node.path(field);
        if (tools.isMissingNode() || tools.isNull() || (tools.isArray() && tools.isEmpty())) {
            return null;
        }
        if (!tools.isArray()) {
            throw ChatException.invalid("'" + field + "' must be an array", field);
        }
        if (tools.size() > limits.maxTools()) {
            throw ChatException.invalid("'" + field + "' has " + tools.size() + " entries; at most " + limits.maxTools()
                    + " are accepted (lakehouse.chatd.limits.max-tools)", field);
        }
        for (JsonNode tool : tools) {
            if (!tool.isObject()) {
                throw ChatException.invalid("every entry of '" + field + "' must be an object", field);
            }
        }
        return tools;
    }

    public static @Nullable List<JsonNode> list(@Nullable JsonNode array) {
        if (array == null) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /**
     * The role: {@code X-Lakehouse-Role} or the body's {@code lakehouse.role}; both given and different is
     * a 400, none is {@code default}. {@code lakehouse.contract}, when given, must be the role's: the
     * contract belongs to the role.
     */
    public static String role(JsonNode body, @Nullable String header) {
        JsonNode lakehouse = body.path("lakehouse");
        if (!lakehouse.isMissingNode() && !lakehouse.isNull() && !lakehouse.isObject()) {
            throw ChatException.invalid("'lakehouse' must be an object", "lakehouse");
        }
        String fromBody = optionalText(lakehouse, "role", "lakehouse.role");
        String fromHeader = header == null || header.isBlank() ? null : header.strip();
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw ChatException.invalid("the role is '" + fromHeader + "' in X-Lakehouse-Role but '" + fromBody
                    + "' in lakehouse.role; name it once", "lakehouse.role");
        }
        String role = fromHeader != null ? fromHeader : fromBody;
        return role == null || role.isBlank() ? dev.lakehouse.chatd.role.Role.DEFAULT : role;
    }

    /** {@code lakehouse.contract}, checked by the endpoint against the role's contract. */
    public static @Nullable String contract(JsonNode body) {
        return optionalText(body.path("lakehouse"), "contract", "lakehouse.contract");
    }
}
