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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages shape ({@code POST /v1/messages}), so Anthropic SDK users can point at the
 * gateway: {@code message} answers, SSE with {@code message_start} ... {@code message_stop}, and
 * {@code {"type": "error", "error": {type, message}}} errors ({@code event: error} in a stream).
 * Text content only; tools are refused on this surface.
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
        if (reader.tools(body, "tools") != null) {
            throw ChatException.invalid("tools are not passed on /v1/messages; use /v1/chat/completions", "tools");
        }
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
            messages.add(Message.of(role, text(message.path("content"), at + ".content")));
        }
        Params params = new Params(RequestReader.number(body, "temperature", "temperature", 0, 1),
                RequestReader.number(body, "top_p", "top_p", 0, 1), RequestReader.positiveInt(body, "max_tokens", "max_tokens"),
                reader.stop(body, "stop_sequences", "stop_sequences"), null, null);
        String model = RequestReader.optionalText(body, "model", "model");
        return new ChatCall(Surface.ANTHROPIC, RequestReader.role(body, roleHeader), RequestReader.contract(body),
                model == null || model.isBlank() ? null : model, messages, params, null, null,
                Boolean.TRUE.equals(RequestReader.bool(body, "stream", "stream")), false);
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
        message.putArray("content").addObject().put("type", "text").put("text", answer.reply().content());
        message.put("stop_reason", stopReason(answer.reply().finishReason()));
        message.putNull("stop_sequence");
        Usage usage = answer.reply().usage();
        message.putObject("usage").put("input_tokens", usage.promptTokens()).put("output_tokens", usage.completionTokens());
        return message;
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
            ObjectNode delta = json.createObjectNode().put("type", "message_delta");
            delta.putObject("delta").put("stop_reason", stopReason(finishReason)).putNull("stop_sequence");
            delta.putObject("usage").put("input_tokens", usage.promptTokens()).put("output_tokens", usage.completionTokens());
            writer.sse("message_delta", delta);
            writer.sse("message_stop", json.createObjectNode().put("type", "message_stop"));
        }

        @Override
        public void error(ChatError error) throws IOException {
            writer.sse("error", errorBody(error));
        }
    }
}
