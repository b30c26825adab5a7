package dev.lakehouse.chatd.provider.anthropic;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.OpenAiToolCalls;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's tool use in Anthropic's terms and back: function tools become {@code tools} with an
 * {@code input_schema}; {@code tool_choice} and {@code parallel_tool_calls} become Anthropic's
 * {@code tool_choice}; an assistant's {@code tool_calls} become {@code tool_use} blocks (arguments
 * parsed into the {@code input} object); {@code tool} messages become {@code tool_result} blocks of
 * one user turn; {@code tool_use} blocks of an answer, whole or streamed as {@code input_json_delta},
 * become OpenAI tool calls with their arguments as a JSON string.
 */
final class AnthropicTools {

    private final JsonMapper json;

    AnthropicTools(JsonMapper json) {
        this.json = json;
    }

    /** OpenAI function tools as Anthropic tools; a schema without a type is taken as an object's. */
    ArrayNode definitions(JsonNode openAiTools) {
        ArrayNode tools = json.createArrayNode();
        for (JsonNode tool : openAiTools) {
            JsonNode function = tool.path("function");
            ObjectNode definition = tools.addObject().put("name", function.path("name").asString(""));
            if (function.path("description").isString()) {
                definition.put("description", function.path("description").asString());
            }
            ObjectNode schema = function.path("parameters").isObject()
                    ? ((ObjectNode) function.path("parameters")).deepCopy() : json.createObjectNode();
            if (!schema.has("type")) {
                schema.put("type", "object");
            }
            definition.set("input_schema", schema);
        }
        return tools;
    }

    /** OpenAI's {@code tool_choice} and {@code parallel_tool_calls}, if the client sent either. */
    @Nullable JsonNode choice(@Nullable ObjectNode passthrough) {
        JsonNode openAi = passthrough == null ? null : passthrough.get("tool_choice");
        JsonNode parallel = passthrough == null ? null : passthrough.get("parallel_tool_calls");
        ObjectNode choice = json.createObjectNode();
        if (openAi == null || openAi.isNull()) {
            if (parallel == null || !parallel.isBoolean()) {
                return null;
            }
            choice.put("type", "auto");
        } else if (openAi.isString()) {
            choice.put("type", switch (openAi.asString()) {
                case "required" -> "any";
                case "none" -> "none";
                default -> "auto";
            });
        } else {
            choice.put("type", "tool").put("name", openAi.path("function").path("name").asString(""));
        }
        if (parallel != null && parallel.isBoolean() && !parallel.asBoolean() && !"none".equals(choice.path("type").asString())) {
            choice.put("disable_parallel_tool_use", true);
        }
        return choice;
    }

    /** Appends one non-system message; consecutive tool results share one user turn, as Anthropic wants. */
    void addMessage(ArrayNode messages, Message message, String provider) throws ProviderException {
        if (Message.TOOL.equals(message.role())) {
            ObjectNode result = json.createObjectNode().put("type", "tool_result")
                    .put("tool_use_id", message.toolCallId() == null ? "" : message.toolCallId())
                    .put("content", message.content());
            if (message.toolFailed()) {
                result.put("is_error", true);
            }
            JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
            if (last != null && "user".equals(last.path("role").asString()) && last.path("content").isArray()
                    && "tool_result".equals(last.path("content").path(0).path("type").asString())) {
                ((ArrayNode) last.path("content")).add(result);
            } else {
                messages.addObject().put("role", "user").putArray("content").add(result);
            }
            return;
        }
        if (message.toolCalls() == null) {
            messages.addObject().put("role", message.role()).put("content", message.content());
            return;
        }
        ArrayNode content = messages.addObject().put("role", message.role()).putArray("content");
        if (!message.content().isEmpty()) {
            content.addObject().put("type", "text").put("text", message.content());
        }
        for (JsonNode call : message.toolCalls()) {
            content.addObject().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""))
                    .set("input", OpenAiToolCalls.arguments(json, call, provider));
        }
    }

    /** One {@code tool_use} block as an OpenAI tool call. */
    ObjectNode toolCall(JsonNode block) {
        return OpenAiToolCalls.of(json, block.path("id").asString(""), block.path("name").asString(""), block.path("input"));
    }

    StreamedCalls streamedCalls() {
        return new StreamedCalls();
    }

    /**
     * The tool calls of one stream: a {@code tool_use} block's start opens call number n (OpenAI
     * counts calls, Anthropic counts content blocks), its {@code input_json_delta}s extend its
     * arguments.
     */
    final class StreamedCalls {

        private final Map<Integer, Integer> callByBlock = new HashMap<>();

        /** The opening delta of a call, or null when the block is not a tool use. */
        @Nullable ArrayNode start(JsonNode event) {
            JsonNode block = event.path("content_block");
            if (!"tool_use".equals(block.path("type").asString(""))) {
                return null;
            }
            int call = callByBlock.size();
            callByBlock.put(event.path("index").asInt(), call);
            ArrayNode delta = json.createArrayNode();
            ObjectNode opening = delta.addObject().put("index", call).put("id", block.path("id").asString(""))
                    .put("type", "function");
            opening.putObject("function").put("name", block.path("name").asString("")).put("arguments", "");
            return delta;
        }

        /** An arguments delta, or null when it is empty (Anthropic opens each input with one). */
        @Nullable ArrayNode arguments(JsonNode event, String provider) throws ProviderException {
            Integer call = callByBlock.get(event.path("index").asInt());
            if (call == null) {
                throw ProviderException.protocol(provider, "input for content block " + event.path("index").asInt()
                        + ", which is not a tool use");
            }
            String partial = event.path("delta").path("partial_json").asString("");
            if (partial.isEmpty()) {
                return null;
            }
            ArrayNode delta = json.createArrayNode();
            delta.addObject().put("index", call).putObject("function").put("arguments", partial);
            return delta;
        }
    }
}
