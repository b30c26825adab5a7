package dev.lakehouse.chatd.provider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's tool calls, whose {@code function.arguments} is a JSON string, against the providers
 * and surfaces that carry arguments as an object (Anthropic's {@code input}, Gemini's {@code args}).
 */
public final class OpenAiToolCalls {

    private OpenAiToolCalls() {
    }

    /** An OpenAI tool call; arguments that are not an object are sent as {@code "{}"}. */
    public static ObjectNode of(JsonMapper json, String id, String name, JsonNode arguments) {
        ObjectNode call = json.createObjectNode().put("id", id).put("type", "function");
        call.putObject("function").put("name", name)
                .put("arguments", arguments.isObject() ? json.writeValueAsString(arguments) : "{}");
        return call;
    }

    /** The call's arguments as an object (blank: empty); anything else is the client's error, a 400. */
    public static JsonNode arguments(JsonMapper json, JsonNode call, String provider) throws ProviderException {
        JsonNode arguments = call.path("function").path("arguments");
        if (arguments.isObject()) {
            return arguments;
        }
        String text = arguments.asString("");
        try {
            JsonNode parsed = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new ProviderException(provider, ProviderException.Kind.CLIENT_ERROR, 400, null,
                "the arguments of tool call " + call.path("id").asString("") + " are not a JSON object, which "
                        + provider + " needs");
    }
}
