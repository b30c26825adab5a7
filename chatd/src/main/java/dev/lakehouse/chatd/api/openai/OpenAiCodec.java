package dev.lakehouse.chatd.api.openai;

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
import dev.lakehouse.schemas.observation.Outcome;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Surface;
import dev.lakehouse.schemas.observation.Usage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions shape: {@code POST /v1/chat/completions} requests, {@code chat.completion}
 * answers, {@code chat.completion.chunk} SSE ending with {@code data: [DONE]}, and
 * {@code {"error": {message, type, param, code}}} errors (a streamed error is a {@code data:} line
 * with that object, and no {@code [DONE]}).
 */
public final class OpenAiCodec implements SurfaceCodec {

    private static final Set<String> READ_FIELDS = Set.of("model", "messages", "temperature", "top_p", "max_tokens",
            "stop", "seed", "n", "stream", "stream_options", "tools", "lakehouse");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private final RequestReader reader;
    private final JsonMapper json;

    public OpenAiCodec(RequestReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public Surface surface() {
        return Surface.OPENAI;
    }

    @Override
    public ChatCall parse(JsonNode body, @Nullable String roleHeader) {
        RequestReader.object(body);
        List<Message> messages = new ArrayList<>();
        JsonNode array = reader.messages(body);
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), "messages[" + i + "]"));
        }
        Integer n = RequestReader.positiveInt(body, "n", "n");
        if (n != null && n != 1) {
            throw ChatException.invalid("'n' must be 1: chatd returns one choice", "n");
        }
        Integer maxTokens = RequestReader.positiveInt(body, "max_tokens", "max_tokens");
        Integer maxCompletion = RequestReader.positiveInt(body, "max_completion_tokens", "max_completion_tokens");
        JsonNode tools = reader.tools(body, "tools");
        Params params = new Params(RequestReader.number(body, "temperature", "temperature", 0, 2),
                RequestReader.number(body, "top_p", "top_p", 0, 1), maxCompletion != null ? maxCompletion : maxTokens,
                reader.stop(body, "stop", "stop"), RequestReader.integer(body, "seed", "seed"), RequestReader.list(tools));
        boolean stream = Boolean.TRUE.equals(RequestReader.bool(body, "stream", "stream"));
        boolean includeUsage = Boolean.TRUE.equals(RequestReader.bool(body.path("stream_options"), "include_usage",
                "stream_options.include_usage"));
        ObjectNode passthrough = json.createObjectNode();
        body.properties().forEach(field -> {
            if (!READ_FIELDS.contains(field.getKey())) {
                passthrough.set(field.getKey(), field.getValue());
            }
        });
        return new ChatCall(Surface.OPENAI, RequestReader.role(body, roleHeader), RequestReader.contract(body),
                blankToNull(RequestReader.optionalText(body, "model", "model")), messages, params, tools,
                passthrough.isEmpty() ? null : passthrough, stream, includeUsage);
    }

    private Message message(JsonNode node, String at) {
        if (!node.isObject()) {
            throw ChatException.invalid("'" + at + "' must be an object", at);
        }
        String role = RequestReader.optionalText(node, "role", at + ".role");
        if (role == null || !ROLES.contains(role)) {
            throw ChatException.invalid("'" + at + ".role' must be one of system, developer, user, assistant, tool", at
                    + ".role");
        }
        JsonNode toolCalls = node.path("tool_calls").isArray() && !node.path("tool_calls").isEmpty()
                ? node.path("tool_calls") : null;
        return new Message("developer".equals(role) ? Message.SYSTEM : role, content(node.path("content"), at),
                RequestReader.optionalText(node, "name", at + ".name"),
                RequestReader.optionalText(node, "tool_call_id", at + ".tool_call_id"), toolCalls);
    }

    /** A string, or an array of text parts (other parts, such as images, are refused). */
    private static String content(JsonNode content, String at) {
        if (content.isString()) {
            return content.asString();
        }
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (!content.isArray()) {
            throw ChatException.invalid("'" + at + ".content' must be a string or an array of text parts", at + ".content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asString("")) || !part.path("text").isString()) {
                throw ChatException.invalid("'" + at + ".content' may hold only text parts; chatd does not pass "
                        + part.path("type").asString("untyped") + " parts", at + ".content");
            }
            text.append(part.path("text").asString());
        }
        return text.toString();
    }

    @Override
    public JsonNode answer(ChatCall call, Answer answer, String responseId) {
        ObjectNode body = envelope("chat.completion", responseId, answer.servedBy().ref().toString());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.reply().toolCalls() != null && answer.reply().content().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", answer.reply().content());
        }
        if (answer.reply().toolCalls() != null) {
            message.set("tool_calls", answer.reply().toolCalls());
        }
        choice.put("finish_reason", answer.reply().finishReason() == null ? "stop" : answer.reply().finishReason());
        choice.putNull("logprobs");
        body.set("usage", usage(answer.reply().usage()));
        ObjectNode lakehouse = body.putObject("lakehouse");
        lakehouse.put("role", call.role());
        lakehouse.put("outcome", answer.outcome() == Outcome.FLAGGED ? "flagged" : "ok");
        if (answer.reply().usage().estimated()) {
            lakehouse.put("usageEstimated", true);
        }
        if (answer.outcome() == Outcome.FLAGGED) {
            lakehouse.set("violations", json.valueToTree(answer.judgement().violations()));
        }
        return body;
    }

    private ObjectNode envelope(String object, String responseId, String model) {
        ObjectNode body = json.createObjectNode();
        body.put("id", "chatcmpl-" + responseId);
        body.put("object", object);
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        return body;
    }

    private ObjectNode usage(Usage usage) {
        ObjectNode node = json.createObjectNode();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.totalTokens());
        return node;
    }

    @Override
    public ResponseEntity<JsonNode> error(ChatError error) {
        ObjectNode body = json.createObjectNode();
        ObjectNode node = body.putObject("error");
        node.put("message", error.message());
        node.put("type", type(error.type()));
        node.put("param", error.param());
        node.put("code", error.code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status());
        if (error.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
        }
        return response.body(body);
    }

    static String type(ChatError.Type type) {
        return switch (type) {
            case INVALID_REQUEST, NOT_FOUND -> "invalid_request_error";
            case PERMISSION -> "permission_error";
            case INVALID_OUTPUT -> "invalid_output_error";
            case RATE_LIMITED -> "rate_limit_error";
            case UPSTREAM -> "upstream_error";
            case TIMEOUT -> "timeout_error";
            case INTERNAL -> "server_error";
        };
    }

    @Override
    public StreamSink streamSink(ChatCall call, HttpServletResponse response, String responseId) {
        return new Sink(call, new StreamWriter(response, json), responseId);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code chat.completion.chunk} events: the role first, then deltas, the finish, usage if asked, [DONE]. */
    private final class Sink implements StreamSink {

        private final ChatCall call;
        private final StreamWriter writer;
        private final String responseId;
        private String model = "";

        Sink(ChatCall call, StreamWriter writer, String responseId) {
            this.call = call;
            this.writer = writer;
            this.responseId = responseId;
        }

        @Override
        public void open(Candidate servedBy, CallTrace trace) throws IOException {
            model = servedBy.ref().toString();
            writer.commit("text/event-stream;charset=UTF-8", trace, servedBy.ref().provider());
            ObjectNode delta = json.createObjectNode().put("role", "assistant").put("content", "");
            writer.sse(null, chunk(delta, null));
        }

        @Override
        public void event(StreamEvent event) throws IOException {
            ObjectNode delta = json.createObjectNode();
            if (!event.text().isEmpty()) {
                delta.put("content", event.text());
            }
            if (event.toolCalls() != null) {
                delta.set("tool_calls", event.toolCalls());
            }
            writer.sse(null, chunk(delta, null));
        }

        @Override
        public void finish(@Nullable String finishReason, Usage usage) throws IOException {
            writer.sse(null, chunk(json.createObjectNode(), finishReason == null ? "stop" : finishReason));
            if (call.includeStreamUsage()) {
                ObjectNode last = envelope("chat.completion.chunk", responseId, model);
                last.putArray("choices");
                last.set("usage", usage(usage));
                writer.sse(null, last);
            }
            writer.sseRaw("[DONE]");
        }

        @Override
        public void error(ChatError error) throws IOException {
            writer.sse(null, OpenAiCodec.this.error(error).getBody());
        }

        private ObjectNode chunk(ObjectNode delta, @Nullable String finishReason) {
            ObjectNode chunk = envelope("chat.completion.chunk", responseId, model);
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            return chunk;
        }
    }
}
