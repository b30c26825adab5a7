package dev.lakehouse.chatd.provider.ollama;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.FramedStream;
import dev.lakehouse.chatd.provider.IdleWatchdog;
import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.chatd.provider.ProviderRequest;
import dev.lakehouse.chatd.provider.ProviderSettings;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.provider.UpstreamHttp;
import dev.lakehouse.chatd.provider.UpstreamStream;
import dev.lakehouse.chatd.provider.UsageEstimator;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Usage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's {@code POST /api/chat}, directly (no sidecar, DESIGN 2): one JSON answer, or NDJSON
 * lines ending with {@code "done": true} and the token counts ({@code prompt_eval_count},
 * {@code eval_count}). Tool calls arrive with arguments as objects and leave as OpenAI's strings.
 */
public final class OllamaClient implements ProviderClient {

    private final UpstreamHttp http;
    private final IdleWatchdog watchdog;
    private final ProviderSettings settings;

    public OllamaClient(UpstreamHttp http, IdleWatchdog watchdog, ProviderSettings settings) {
        this.http = http;
        this.watchdog = watchdog;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public ProviderReply complete(ProviderRequest request) throws ProviderException {
        UpstreamHttp.Answer response = http.postForJson("api/chat", body(request, false));
        JsonNode answer = response.body();
        if (answer.has("error")) {
            throw ProviderException.streamError(name(), "error", answer.path("error").asString(""));
        }
        JsonNode message = answer.path("message");
        String content = message.path("content").asString("");
        JsonNode toolCalls = openAiToolCalls(message.path("tool_calls"));
        return new ProviderReply(content, finishReason(answer, toolCalls), toolCalls,
                usage(answer, request, content), response.status());
    }

    @Override
    public UpstreamStream stream(ProviderRequest request) throws ProviderException {
        return new OllamaStream(http.postForStream("api/chat", body(request, true), "application/x-ndjson"), request);
    }

    /** The models Ollama has pulled ({@code GET /api/tags}). */
    public List<String> tags() throws ProviderException {
        JsonNode answer = http.getJson("api/tags");
        List<String> names = new ArrayList<>();
        for (JsonNode model : answer.path("models")) {
            String name = model.path("name").asString(model.path("model").asString(""));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    ObjectNode body(ProviderRequest request, boolean stream) {
        ObjectNode body = http.json().createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            ObjectNode node = messages.addObject().put("role", message.role()).put("content", message.content());
            if (message.toolCalls() != null) {
                node.set("tool_calls", ollamaToolCalls(message.toolCalls()));
            }
        }
        body.put("stream", stream);
        ObjectNode options = http.json().createObjectNode();
        Params params = request.params();
        if (params.temperature() != null) {
            options.put("temperature", params.temperature());
        }
        if (params.topP() != null) {
            options.put("top_p", params.topP());
        }
        if (params.maxTokens() != null) {
            options.put("num_predict", params.maxTokens());
        }
        if (params.stop() != null) {
            ArrayNode stop = options.putArray("stop");
            params.stop().forEach(stop::add);
        }
        if (params.seed() != null) {
            options.put("seed", params.seed());
        }
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        if (request.tools() != null) {
            body.set("tools", request.tools());
        }
        JsonNode format = request.passthrough() == null ? null : request.passthrough().get("response_format");
        if (format != null && "json_object".equals(format.path("type").asString(""))) {
            body.put("format", "json");
        } else if (format != null && format.path("json_schema").path("schema").isObject()) {
            body.set("format", format.path("json_schema").path("schema"));
        }
        return body;
    }

    /** OpenAI's {@code function.arguments} is a JSON string; Ollama's is an object. */
    private ArrayNode ollamaToolCalls(JsonNode openAi) {
        ArrayNode calls = http.json().createArrayNode();
        for (JsonNode call : openAi) {
            ObjectNode function = calls.addObject().putObject("function");
            function.put("name", call.path("function").path("name").asString(""));
            JsonNode arguments = call.path("function").path("arguments");
            try {
                function.set("arguments", arguments.isString() ? http.json().readTree(arguments.asString()) : arguments);
            } catch (JacksonException e) {
                function.putObject("arguments");
            }
        }
        return calls;
    }

    private @Nullable JsonNode openAiToolCalls(JsonNode ollama) {
        if (!ollama.isArray() || ollama.isEmpty()) {
            return null;
        }
        ArrayNode calls = http.json().createArrayNode();
        int index = 0;
        for (JsonNode call : ollama) {
            ObjectNode converted = calls.addObject();
            converted.put("index", index);
            converted.put("id", "call_" + index++);
            converted.put("type", "function");
            ObjectNode function = converted.putObject("function");
            function.put("name", call.path("function").path("name").asString(""));
            function.put("arguments", http.json().writeValueAsString(call.path("function").path("arguments")));
        }
        return calls;
    }

    private static @Nullable String finishReason(JsonNode answer, @Nullable JsonNode toolCalls) {
        if (toolCalls != null) {
            return "tool_calls";
        }
        return answer.path("done_reason").isString() ? answer.path("done_reason").asString() : "stop";
    }

    private static Usage usage(JsonNode answer, ProviderRequest request, String content) {
        JsonNode prompt = answer.path("prompt_eval_count");
        JsonNode completion = answer.path("eval_count");
        return UsageEstimator.reportedOrEstimated(prompt.isNumber() ? prompt.asInt() : null,
                completion.isNumber() ? completion.asInt() : null, request.messages(), content);
    }

    /** One JSON object per line; the last has {@code "done": true}. An {@code error} line fails the stream. */
    private final class OllamaStream extends FramedStream {

        private final ProviderRequest request;
        private final StringBuilder content = new StringBuilder();

        OllamaStream(HttpResponse<InputStream> response, ProviderRequest request) {
            super("ollama", response, watchdog, settings);
            this.request = request;
        }

        @Override
        protected void onLine(String line) throws ProviderException {
            if (line.isBlank()) {
                return;
            }
            JsonNode chunk;
            try {
                chunk = http.json().readTree(line);
            } catch (JacksonException e) {
                throw ProviderException.protocol(provider, "a stream line is not JSON");
            }
            if (chunk.has("error")) {
                throw ProviderException.streamError(provider, "error", chunk.path("error").asString(""));
            }
            JsonNode message = chunk.path("message");
            String text = message.path("content").asString("");
            JsonNode toolCalls = openAiToolCalls(message.path("tool_calls"));
            if (!text.isEmpty() || toolCalls != null) {
                content.append(text);
                emit(new StreamEvent(text, toolCalls, null, null));
            }
            if (chunk.path("done").asBoolean(false)) {
                emit(StreamEvent.finish(finishReason(chunk, null), usage(chunk, request, content.toString())));
                terminate();
            }
        }
    }
}
