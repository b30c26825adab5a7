package dev.lakehouse.chatd.api.ollama;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's {@code POST /api/chat} shape: streaming unless {@code "stream": false} (Ollama's
 * default), NDJSON lines ending with a {@code "done": true} line carrying the token counts, and
 * {@code {"error": "..."}} errors (a streamed error is such a line, and no done line follows).
 */
public final class OllamaCodec implements SurfaceCodec {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private final RequestReader reader;
    private final JsonMapper json;

    public OllamaCodec(RequestReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public Surface surface() {
        return Surface.OLLAMA;
    }

    @Override
    public ChatCall parse(JsonNode body, @Nullable String roleHeader) {
        RequestReader.object(body);
        List<Message> messages = new ArrayList<>();
        JsonNode array = reader.messages(body);
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), "messages[" + i + "]"));
        }
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
            throw ChatException.invalid("'options' must be an object", "options");
        }
        // Ollama's num_predict: -1 is "no limit", -2 "fill the context"; both leave the limit to the provider.
        Long numPredict = RequestReader.integer(options, "num_predict", "options.num_predict");
        Integer maxTokens = numPredict == null || numPredict < 1 ? null : (int) Math.min(Integer.MAX_VALUE, numPredict);
        JsonNode tools = reader.tools(body, "tools");
        Params params = new Params(RequestReader.number(options, "temperature", "options.temperature", 0, 2),
                RequestReader.number(options, "top_p", "options.top_p", 0, 1), maxTokens,
                reader.stop(options, "stop", "options.stop"), RequestReader.integer(options, "seed", "options.seed"),
                RequestReader.list(tools));
        Boolean stream = RequestReader.bool(body, "stream", "stream");
        String model = RequestReader.optionalText(body, "model", "model");
        return new ChatCall(Surface.OLLAMA, RequestReader.role(body, roleHeader), RequestReader.contract(body),
                model == null || model.isBlank() ? null : model, messages, params, tools, format(body.path("format")),
                stream == null || stream, false);
    }

    private Message message(JsonNode node, String at) {
        if (!node.isObject()) {
            throw ChatException.invalid("'" + at + "' must be an object", at);
        }
        String role = RequestReader.optionalText(node, "role", at + ".role");
        if (role == null || !ROLES.contains(role)) {
            throw ChatException.invalid("'" + at + ".role' must be one of system, user, assistant, tool", at + ".role");
        }
        if (node.path("images").isArray() && !node.path("images").isEmpty()) {
            throw ChatException.invalid("'" + at + ".images': chatd passes text only", at + ".images");
        }
        String content = RequestReader.optionalText(node, "content", at + ".content");
        return new Message(role, content == null ? "" : content, RequestReader.optionalText(node, "tool_name",
                at + ".tool_name"), null, openAiToolCalls(node.path("tool_calls")));
    }

    /** Ollama's {@code format}: "json" or a JSON schema, carried as OpenAI's {@code response_format}. */
    private @Nullable ObjectNode format(JsonNode format) {
        if (format.isMissingNode() || format.isNull() || (format.isString() && format.asString().isEmpty())) {
            return null;
        }
        ObjectNode passthrough = json.createObjectNode();
        if (format.isString() && format.asString().equals("json")) {
            passthrough.putObject("response_format").put("type", "json_object");
        } else if (format.isObject()) {
            ObjectNode responseFormat = passthrough.putObject("response_format").put("type", "json_schema");
            responseFormat.putObject("json_schema").put("name", "format").set("schema", format);
        } else {
            throw ChatException.invalid("'format' must be \"json\" or a JSON schema object", "format");
        }
        return passthrough;
    }

    private @Nullable JsonNode openAiToolCalls(JsonNode calls) {
        if (!calls.isArray() || calls.isEmpty()) {
            return null;
        }
        ArrayNode converted = json.createArrayNode();
        int index = 0;
        for (JsonNode call : calls) {
            ObjectNode openAi = converted.addObject().put("id", "call_" + index++).put("type", "function");
            openAi.putObject("function").put("name", call.path("function").path("name").asString(""))
                    .put("arguments", json.writeValueAsString(call.path("function").path("arguments")));
        }
        return converted;
    }

    private @Nullable ArrayNode ollamaToolCalls(@Nullable JsonNode openAi) {
        if (openAi == null) {
            return null;
        }
        ArrayNode calls = json.createArrayNode();
        for (JsonNode call : openAi) {
            ObjectNode function = calls.addObject().putObject("function");
            function.put("name", call.path("function").path("name").asString(""));
            JsonNode arguments = call.path("function").path("arguments");
            try {
                function.set("arguments", arguments.isString() ? json.readTree(arguments.asString()) : arguments);
            } catch (JacksonException e) {
                function.put("arguments", arguments.asString(""));
            }
        }
        return calls;
    }

    @Override
    public JsonNode answer(ChatCall call, Answer answer, String responseId) {
        ObjectNode body = line(answer.servedBy().ref().toString(), answer.reply().content(),
                ollamaToolCalls(answer.reply().toolCalls()));
        done(body, answer.reply().finishReason(), answer.reply().usage());
        return body;
    }

    private ObjectNode line(String model, String content, @Nullable ArrayNode toolCalls) {
        ObjectNode line = json.createObjectNode();
        line.put("model", model);
        line.put("created_at", Instant.now().toString());
        ObjectNode message = line.putObject("message").put("role", "assistant").put("content", content);
        if (toolCalls != null) {
            message.set("tool_calls", toolCalls);
        }
        return line;
    }

    private static void done(ObjectNode line, @Nullable String finishReason, Usage usage) {
        line.put("done_reason", finishReason == null || finishReason.equals("tool_calls") ? "stop" : finishReason);
        line.put("done", true);
        line.put("prompt_eval_count", usage.promptTokens());
        line.put("eval_count", usage.completionTokens());
    }

    @Override
    public ResponseEntity<JsonNode> error(ChatError error) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status());
        if (error.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
        }
        return response.body(json.createObjectNode().put("error", error.message()));
    }

    @Override
    public StreamSink streamSink(ChatCall call, HttpServletResponse response, String responseId) {
        return new Sink(new StreamWriter(response, json));
    }

    /** One line per piece, then the done line. */
    private final class Sink implements StreamSink {

        private final StreamWriter writer;
        private String model = "";

        Sink(StreamWriter writer) {
            this.writer = writer;
        }

        @Override
        public void open(Candidate servedBy, CallTrace trace) throws IOException {
            model = servedBy.ref().toString();
            writer.commit("application/x-ndjson", trace, servedBy.ref().provider());
        }

        @Override
        public void event(StreamEvent event) throws IOException {
            ObjectNode line = line(model, event.text(), ollamaToolCalls(event.toolCalls()));
            line.put("done", false);
            writer.line(line);
        }

        @Override
        public void finish(@Nullable String finishReason, Usage usage) throws IOException {
            ObjectNode line = line(model, "", null);
            done(line, finishReason, usage);
            writer.line(line);
        }

        @Override
        public void error(ChatError error) throws IOException {
            writer.line(json.createObjectNode().put("error", error.message()));
        }
    }
}
