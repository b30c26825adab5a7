package dev.lakehouse.chatd.provider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The arguments of an OpenAI tool call, a JSON string, as the object Anthropic and Gemini want. */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** The call's arguments as an object (blank: empty); anything else is the client's error, a 400. */
    public static JsonNode asObject(JsonMapper json, JsonNode call, String provider) throws ProviderException {
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
