package dev.lakehouse.chatd.api.anthropic;

import dev.lakehouse.chatd.api.RequestReader;
import dev.lakehouse.chatd.api.StreamWriter;
import dev.lakehouse.chatd.api.SurfaceCodec;
import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.dispatch.Answer;
import dev.lakehouse.chatd.dispatch.CallTrace;
import dev.lakehouse.chatd.dispatch.Candidate;
import dev.lakehouse.chatd.dispatch.StreamSink;
import dev.lakehouse.chatd.dispatch.ToolCallMerger;
import dev.lakehouse.chatd.provider.OpenAiToolCalls;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Surface;
import dev.lakehouse.schemas.observation.Usage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages shape ({@code POST /v1/messages}), so Anthropic SDK users can point at the
 * gateway: {@code message} answers, SSE with {@code message_start} ... {@code message_stop}, and
 * {@code {"type": "error", "error": {type, message}}} errors ({@code event: error} in a stream).
 * Content is text, {@code tool_use} and {@code tool_result} blocks; custom tools and
 * {@code tool_choice} are translated to OpenAI's shape for dispatch, and tool calls come back as
 * {@code tool_use} blocks (in a stream, each one whole after the text).
 */
public final class AnthropicCodec implements SurfaceCodec {

    private final RequestReader reader;
    private final JsonMapper json;

    public AnthropicCodec(RequestReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public Surface surface() {
        return Surface.ANTHROPIC;
    }

    @Override
    public ChatCall parse(JsonNode body, @Nullable String roleHeader) {
        RequestReader.object(body);
        JsonNode anthropicTools = reader.tools(body, "tools");
        List<Message> messages = new ArrayList<>();
        JsonNode system = body.path("system");
        if (!system.isMissingNode() && !system.isNull()) {
            messages.add(Message.of(Message.SYSTEM, text(system, "system")));
        }
        JsonNode array = reader.messages(body);
        for (int i = 0; i < array.size(); i++) {
            JsonNode message = array.get(i);
            String at = "messages[" + i + "]";
            String role = message.isObject() ? RequestReader.optionalText(message, "role", at + ".role") : null;
            if (!Message.USER.equals(role) && !Message.ASSISTANT.equals(role)) {
                throw ChatException.invalid("'" + at + ".role' must be user or assistant", at + ".role");
            }
            addMessage(messages, role, message.path("content"), at + ".content");
        }
        Params params = new Params(RequestReader.number(body, "temperature", "temperature", 0, 1),
                RequestReader.number(body, "top_p", "top_p", 0, 1), RequestReader.positiveInt(body, "max_tokens", "max_tokens"),
                reader.stop(body, "stop_sequences", "stop_sequences"), null, null);
        String model = RequestReader.optionalText(body, "model", "model");
        return new ChatCall(Surface.ANTHROPIC, RequestReader.role(body, roleHeader), RequestReader.contract(body),
                model == null || model.isBlank() ? null : model, messages, params,
                anthropicTools == null ? null : openAiTools(anthropicTools), toolChoice(body.path("tool_choice")),
                Boolean.TRUE.equals(RequestReader.bool(body, "stream", "stream")), false);
    }

    /**
     * One Anthropic message as chatd's: its text, an assistant's {@code tool_use} blocks as OpenAI
     * tool calls, a user's {@code tool_result} blocks as tool messages (before the user's text).
     */
    private void addMessage(List<Message> messages, String role, JsonNode content, String at) {
        if (!content.isArray()) {
            messages.add(Message.of(role, text(content, at)));
            return;
        }
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = json.createArrayNode();
        List<Message> results = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String type = block.path("type").asString("");
            String blockAt = at + "[" + i + "]";
            if ("text".equals(type) && block.path("text").isString()) {
                text.append(block.path("text").asString());
            } else if ("tool_use".equals(type) && Message.ASSISTANT.equals(role)) {
                toolCalls.add(OpenAiToolCalls.of(json, requiredText(block, "id", blockAt),
                        requiredText(block, "name", blockAt), block.path("input")));
            } else if ("tool_result".equals(type) && Message.USER.equals(role)) {
                JsonNode output = block.path("content");
                results.add(new Message(Message.TOOL, output.isMissingNode() || output.isNull() ? ""
                        : text(output, blockAt + ".content"), null, requiredText(block, "tool_use_id", blockAt), null,
                        block.path("is_error").asBoolean(false)));
            } else {
                throw ChatException.invalid("'" + at + "' may hold text blocks, and tool_use (assistant) or tool_result"
                        + " (user) blocks; chatd does not pass " + (type.isEmpty() ? "untyped" : type) + " blocks"
                        + (Message.USER.equals(role) || Message.ASSISTANT.equals(role) ? " in a " + role + " message" : ""),
                        blockAt);
            }
        }
        messages.addAll(results);
        if (Message.ASSISTANT.equals(role)) {
            messages.add(new Message(role, text.toString(), null, null, toolCalls.isEmpty() ? null : toolCalls));
        } else if (results.isEmpty() || !text.isEmpty()) {
            messages.add(Message.of(role, text.toString()));
        }
    }

    private static String requiredText(JsonNode block, String field, String at) {
        if (!block.path(field).isString() || block.path(field).asString().isBlank()) {
            throw ChatException.invalid("'" + at + "." + field + "' must be a non-empty string", at + "." + field);
        }
        return block.path(field).asString();
    }

    /** Anthropic's custom tools as OpenAI function tools; server tools cannot be passed on. */
    private ArrayNode openAiTools(JsonNode tools) {
        ArrayNode functions = json.createArrayNode();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asString("custom");
            if (!"custom".equals(type)) {
                throw ChatException.invalid("'tools[" + i + "]' is Anthropic's server tool " + type
                        + "; chatd passes custom tools only", "tools[" + i + "]");
            }
            ObjectNode function = functions.addObject().put("type", "function").putObject("function")
                    .put("name", requiredText(tool, "name", "tools[" + i + "]"));
            if (tool.path("description").isString()) {
                function.put("description", tool.path("description").asString());
            }
            function.set("parameters", tool.path("input_schema").isObject() ? tool.path("input_schema")
                    : json.createObjectNode().put("type", "object"));
        }
        return functions;
    }

    /** Anthropic's {@code tool_choice} as OpenAI's {@code tool_choice} and {@code parallel_tool_calls}. */
    private @Nullable ObjectNode toolChoice(JsonNode choice) {
        if (choice.isMissingNode() || choice.isNull()) {
            return null;
        }
        if (!choice.isObject()) {
            throw ChatException.invalid("'tool_choice' must be an object", "tool_choice");
        }
        ObjectNode passthrough = json.createObjectNode();
        switch (choice.path("type").asString("")) {
            case "auto" -> passthrough.put("tool_choice", "auto");
            case "any" -> passthrough.put("tool_choice", "required");
            case "none" -> passthrough.put("tool_choice", "none");
            case "tool" -> passthrough.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", requiredText(choice, "name", "tool_choice"));
            default -> throw ChatException.invalid("'tool_choice.type' must be auto, any, tool or none", "tool_choice.type");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
            passthrough.put("parallel_tool_calls", false);
        }
        return passthrough;
    }

    /** A string, or content blocks of type text. */
    private static String text(JsonNode content, String at) {
        if (content.isString()) {
            return content.asString();
        }
        if (!content.isArray()) {
            throw ChatException.invalid("'" + at + "' must be a string or an array of text blocks", at);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (!"text".equals(block.path("type").asString("")) || !block.path("text").isString()) {
                throw ChatException.invalid("'" + at + "' may hold only text blocks; chatd does not pass "
                        + block.path("type").asString("untyped") + " blocks", at);
            }
            text.append(block.path("text").asString());
        }
        return text.toString();
    }

    @Override
    public JsonNode answer(ChatCall call, Answer answer, String responseId) {
        ObjectNode message = message(responseId, answer.servedBy().ref().toString());
        ArrayNode content = message.putArray("content");
        JsonNode toolCalls = answer.reply().toolCalls();
        if (toolCalls == null || !answer.reply().content().isEmpty()) {
            content.addObject().put("type", "text").put("text", answer.reply().content());
        }
        if (toolCalls != null) {
            toolCalls.forEach(toolCall -> content.add(toolUse(toolCall)));
        }
        message.put("stop_reason", stopReason(answer.reply().finishReason()));
        message.putNull("stop_sequence");
        Usage usage = answer.reply().usage();
        message.putObject("usage").put("input_tokens", usage.promptTokens()).put("output_tokens", usage.completionTokens());
        return message;
    }

    /** One OpenAI tool call as a tool_use block; arguments that are not a JSON object become an empty input. */
    private ObjectNode toolUse(JsonNode call) {
        ObjectNode block = json.createObjectNode().put("type", "tool_use").put("id", call.path("id").asString(""))
                .put("name", call.path("function").path("name").asString(""));
        JsonNode input;
        try {
            input = json.readTree(call.path("function").path("arguments").asString("{}"));
        } catch (JacksonException e) {
            input = null;
        }
        block.set("input", input != null && input.isObject() ? input : json.createObjectNode());
        return block;
    }

    private ObjectNode message(String responseId, String model) {
        ObjectNode message = json.createObjectNode();
        message.put("id", "msg_" + responseId);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        return message;
    }

    /** OpenAI's finish reasons in Anthropic's vocabulary. */
    static String stopReason(@Nullable String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    @Override
    public ResponseEntity<JsonNode> error(ChatError error) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status());
        if (error.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
        }
        return response.body(errorBody(error));
    }

    private ObjectNode errorBody(ChatError error) {
        ObjectNode body = json.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type(error)).put("message", error.message());
        return body;
    }

    /** Anthropic's error types (docs "Errors": invalid_request_error, not_found_error, ... overloaded_error). */
    static String type(ChatError error) {
        return switch (error.type()) {
            case INVALID_REQUEST, INVALID_OUTPUT -> "invalid_request_error";
            case NOT_FOUND -> "not_found_error";
            case PERMISSION -> "permission_error";
            case RATE_LIMITED -> "rate_limit_error";
            case TIMEOUT -> "timeout_error";
            case UPSTREAM -> error.status().value() == 503 ? "overloaded_error" : "api_error";
            case INTERNAL -> "api_error";
        };
    }

    @Override
    public StreamSink streamSink(ChatCall call, HttpServletResponse response, String responseId) {
        return new Sink(new StreamWriter(response, json), responseId);
    }

    /** message_start, content_block_start, deltas, content_block_stop, message_delta, message_stop. */
    private final class Sink implements StreamSink {

        private final StreamWriter writer;
        private final String responseId;
        private final ToolCallMerger toolCalls = new ToolCallMerger();

        Sink(StreamWriter writer, String responseId) {
            this.writer = writer;
            this.responseId = responseId;
        }

        @Override
        public void open(Candidate servedBy, CallTrace trace) throws IOException {
            writer.commit("text/event-stream;charset=UTF-8", trace, servedBy.ref().provider());
            ObjectNode message = message(responseId, servedBy.ref().toString());
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
            ObjectNode start = json.createObjectNode().put("type", "message_start");
            start.set("message", message);
            writer.sse("message_start", start);
            ObjectNode block = json.createObjectNode().put("type", "content_block_start").put("index", 0);
            block.putObject("content_block").put("type", "text").put("text", "");
            writer.sse("content_block_start", block);
        }

        @Override
        public void event(StreamEvent event) throws IOException {
            if (event.toolCalls() != null) {
                toolCalls.add(event.toolCalls());
            }
            if (event.text().isEmpty()) {
                return;
            }
            ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", event.text());
            writer.sse("content_block_delta", delta);
        }

        @Override
        public void finish(@Nullable String finishReason, Usage usage) throws IOException {
            writer.sse("content_block_stop", json.createObjectNode().put("type", "content_block_stop").put("index", 0));
            ArrayNode calls = toolCalls.merged();
            for (int i = 0; calls != null && i < calls.size(); i++) {
                writeToolUse(i + 1, toolUse(calls.get(i)));
            }
            ObjectNode delta = json.createObjectNode().put("type", "message_delta");
            delta.putObject("delta").put("stop_reason", stopReason(finishReason)).putNull("stop_sequence");
            delta.putObject("usage").put("input_tokens", usage.promptTokens()).put("output_tokens", usage.completionTokens());
            writer.sse("message_delta", delta);
            writer.sse("message_stop", json.createObjectNode().put("type", "message_stop"));
        }

        /** A whole tool_use block: its start with an empty input, the input as one JSON delta, its stop. */
        private void writeToolUse(int index, ObjectNode toolUse) throws IOException {
            String input = json.writeValueAsString(toolUse.path("input"));
            toolUse.putObject("input");
            ObjectNode start = json.createObjectNode().put("type", "content_block_start").put("index", index);
            start.set("content_block", toolUse);
            writer.sse("content_block_start", start);
            ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", index);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", input);
            writer.sse("content_block_delta", delta);
            writer.sse("content_block_stop", json.createObjectNode().put("type", "content_block_stop").put("index", index));
        }

        @Override
        public void error(ChatError error) throws IOException {
            writer.sse("error", errorBody(error));
        }
    }
}
