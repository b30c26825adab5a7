package dev.lakehouse.chatd.provider.gemini;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.OpenAiToolCalls;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's tool use in Gemini's terms and back: function tools become one tool of
 * {@code functionDeclarations} whose schemas go as {@code parametersJsonSchema} (Gemini's
 * {@code parameters} takes only an OpenAPI subset); {@code tool_choice} becomes
 * {@code toolConfig.functionCallingConfig}; an assistant's {@code tool_calls} become
 * {@code functionCall} parts; {@code tool} messages become {@code functionResponse} parts of one
 * user turn, named after the call they answer (Gemini matches results by function name). A
 * {@code functionCall} of an answer becomes an OpenAI tool call, with Gemini's id when it sends
 * one and a fresh {@code call_} id otherwise. Gemini has no switch for parallel calls, so
 * {@code parallel_tool_calls} is not sent.
 */
final class GeminiTools {

    private final JsonMapper json;

    GeminiTools(JsonMapper json) {
        this.json = json;
    }

    ArrayNode definitions(JsonNode openAiTools) {
        ArrayNode tools = json.createArrayNode();
        ArrayNode declarations = tools.addObject().putArray("functionDeclarations");
        for (JsonNode tool : openAiTools) {
            JsonNode function = tool.path("function");
            ObjectNode declaration = declarations.addObject().put("name", function.path("name").asString(""));
            if (function.path("description").isString()) {
                declaration.put("description", function.path("description").asString());
            }
            if (function.path("parameters").isObject() && !function.path("parameters").isEmpty()) {
                declaration.set("parametersJsonSchema", function.path("parameters"));
            }
        }
        return tools;
    }

    /** OpenAI's {@code tool_choice} as Gemini's tool config, or null when the client sent none. */
    @Nullable ObjectNode config(@Nullable ObjectNode passthrough) {
        JsonNode choice = passthrough == null ? null : passthrough.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return null;
        }
        ObjectNode config = json.createObjectNode();
        ObjectNode calling = config.putObject("functionCallingConfig");
        if (choice.isString()) {
            calling.put("mode", switch (choice.asString()) {
                case "required" -> "ANY";
                case "none" -> "NONE";
                default -> "AUTO";
            });
        } else {
            calling.put("mode", "ANY").putArray("allowedFunctionNames").add(choice.path("function").path("name").asString(""));
        }
        return config;
    }

    Conversation conversation(ArrayNode contents, String provider) {
        return new Conversation(contents, provider);
    }

    /** Appends the messages of one request, remembering which function each tool call id named. */
    final class Conversation {

        private final ArrayNode contents;
        private final String provider;
        private final Map<String, String> functionByCallId = new HashMap<>();

        private Conversation(ArrayNode contents, String provider) {
            this.contents = contents;
            this.provider = provider;
        }

        void add(Message message) throws ProviderException {
            if (Message.TOOL.equals(message.role())) {
                addResult(message);
                return;
            }
            ObjectNode content = contents.addObject();
            content.put("role", Message.ASSISTANT.equals(message.role()) ? "model" : "user");
            ArrayNode parts = content.putArray("parts");
            if (message.toolCalls() == null || !message.content().isEmpty()) {
                parts.addObject().put("text", message.content());
            }
            if (message.toolCalls() != null) {
                for (JsonNode call : message.toolCalls()) {
                    String name = call.path("function").path("name").asString("");
                    functionByCallId.put(call.path("id").asString(""), name);
                    parts.addObject().putObject("functionCall").put("name", name).set("args", OpenAiToolCalls.arguments(json, call, provider));
                }
            }
        }

        private void addResult(Message message) throws ProviderException {
            String name = message.toolCallId() == null ? null : functionByCallId.get(message.toolCallId());
            if (name == null) {
                name = message.name();
            }
            if (name == null) {
                throw new ProviderException(provider, ProviderException.Kind.CLIENT_ERROR, 400, null,
                        "the tool result for " + message.toolCallId() + " answers no earlier tool call, and Gemini needs"
                                + " the function's name");
            }
            ObjectNode response = json.createObjectNode();
            response.putObject("functionResponse").put("name", name).set("response", response(message));
            JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
            if (last != null && "user".equals(last.path("role").asString())
                    && last.path("parts").path(0).has("functionResponse")) {
                ((ArrayNode) last.path("parts")).add(response);
            } else {
                ObjectNode content = contents.addObject().put("role", "user");
                content.putArray("parts").add(response);
            }
        }

        /**
         * A tool's output as Gemini's response object: a JSON object as it is, anything else under
         * "content"; a failed tool's output under "error", the key Gemini reads as the failure's details.
         */
        private JsonNode response(Message message) {
            JsonNode output = output(message.content());
            return message.toolFailed() ? json.createObjectNode().set("error", output) : output;
        }

        private JsonNode output(String output) {
            try {
                JsonNode parsed = json.readTree(output);
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (JacksonException notJson) {
                // plain text
            }
            return json.createObjectNode().put("content", output);
        }
    }

    /** One {@code functionCall} part as an OpenAI tool call. */
    ObjectNode toolCall(JsonNode functionCall) {
        String id = functionCall.path("id").asString("");
        return OpenAiToolCalls.of(json, id.isEmpty() ? "call_" + Long.toHexString(ThreadLocalRandom.current().nextLong()) : id,
                functionCall.path("name").asString(""), functionCall.path("args"));
    }

    /** One {@code functionCall} part as the streamed tool-call delta of call number {@code index}. */
    ObjectNode toolCallDelta(JsonNode functionCall, int index) {
        ObjectNode delta = json.createObjectNode().put("index", index);
        delta.setAll(toolCall(functionCall));
        return delta;
    }
}
