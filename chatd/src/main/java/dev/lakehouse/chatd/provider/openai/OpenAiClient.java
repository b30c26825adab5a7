package dev.lakehouse.chatd.provider.openai;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.IdleWatchdog;
import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.chatd.provider.ProviderRequest;
import dev.lakehouse.chatd.provider.ProviderSettings;
import dev.lakehouse.chatd.provider.SseStream;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.provider.UpstreamHttp;
import dev.lakehouse.chatd.provider.UpstreamStream;
import dev.lakehouse.chatd.provider.UsageEstimator;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Usage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions API ({@code POST /chat/completions}), non-streamed and as SSE with
 * {@code stream_options.include_usage}. OpenRouter speaks the same format and uses this client
 * with its own base URL, key and attribution headers.
 */
public final class OpenAiClient implements ProviderClient {

    /** Fields chatd sets itself; a client's pass-through never overrides them. */
    private static final Set<String> OWN_FIELDS = Set.of("model", "messages", "stream", "stream_options");

    private final String name;
    private final UpstreamHttp http;
    private final IdleWatchdog watchdog;
    private final ProviderSettings settings;

    public OpenAiClient(String name, UpstreamHttp http, IdleWatchdog watchdog, ProviderSettings settings) {
        this.name = name;
        this.http = http;
        this.watchdog = watchdog;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderReply complete(ProviderRequest request) throws ProviderException {
        UpstreamHttp.Answer response = http.postForJson("chat/completions", body(request, false));
        JsonNode answer = response.body();
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw ProviderException.protocol(name, "no choices in the answer");
        }
        JsonNode message = choice.path("message");
        String content = message.path("content").isString() ? message.path("content").asString() : "";
        JsonNode toolCalls = message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty()
                ? message.path("tool_calls") : null;
        return new ProviderReply(content, textOrNull(choice.path("finish_reason")), toolCalls,
                usage(answer.path("usage"), request, content), response.status());
    }

    @Override
    public UpstreamStream stream(ProviderRequest request) throws ProviderException {
        return new OpenAiStream(http.postForStream("chat/completions", body(request, true), "text/event-stream"));
    }

    ObjectNode body(ProviderRequest request, boolean stream) {
        ObjectNode body = http.json().createObjectNode();
        if (request.passthrough() != null) {
            request.passthrough().properties().forEach(field -> {
                if (!OWN_FIELDS.contains(field.getKey())) {
                    body.set(field.getKey(), field.getValue());
                }
            });
        }
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        Params params = request.params();
        if (params.temperature() != null) {
            body.put("temperature", params.temperature());
        }
        if (params.topP() != null) {
            body.put("top_p", params.topP());
        }
        if (params.maxTokens() != null && !body.has("max_completion_tokens")) {
            body.put("max_tokens", params.maxTokens());
        }
        if (params.stop() != null) {
            ArrayNode stop = body.putArray("stop");
            params.stop().forEach(stop::add);
        }
        if (params.seed() != null) {
            body.put("seed", params.seed());
        }
        if (request.tools() != null) {
            body.set("tools", request.tools());
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private ObjectNode message(Message message) {
        ObjectNode node = http.json().createObjectNode();
        node.put("role", message.role());
        if (message.toolCalls() != null && message.content().isEmpty()) {
            node.putNull("content");
        } else {
            node.put("content", message.content());
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        if (message.toolCalls() != null) {
            node.set("tool_calls", message.toolCalls());
        }
        return node;
    }

    private static Usage usage(JsonNode usage, ProviderRequest request, String content) {
        return UsageEstimator.reportedOrEstimated(intOrNull(usage.path("prompt_tokens")),
                intOrNull(usage.path("completion_tokens")), request.messages(), content);
    }

    static @Nullable Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    static @Nullable String textOrNull(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    /** {@code data: {chunk}} events, usage in a last chunk with empty choices, then {@code data: [DONE]}. */
    private final class OpenAiStream extends SseStream {

        OpenAiStream(HttpResponse<InputStream> response) {
            super(name, response, watchdog, settings);
        }

        @Override
        protected void onEvent(String event, String data) throws ProviderException {
            if (data.equals("[DONE]")) {
                terminate();
                return;
            }
            JsonNode chunk;
            try {
                chunk = http.json().readTree(data);
            } catch (JacksonException e) {
                throw ProviderException.protocol(name, "a stream chunk is not JSON");
            }
            if (chunk.has("error")) {
                JsonNode error = chunk.path("error");
                throw ProviderException.streamError(name, error.path("type").asString("error"),
                        error.path("message").asString(""));
            }
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode delta = choice.path("delta");
            String text = delta.path("content").isString() ? delta.path("content").asString() : "";
            JsonNode toolCalls = delta.path("tool_calls").isArray() ? delta.path("tool_calls") : null;
            String finish = textOrNull(choice.path("finish_reason"));
            JsonNode usageNode = chunk.path("usage");
            Usage usage = usageNode.isObject() && usageNode.path("prompt_tokens").isNumber()
                    ? Usage.of(usageNode.path("prompt_tokens").asInt(), usageNode.path("completion_tokens").asInt(), false)
                    : null;
            if (!text.isEmpty() || toolCalls != null || finish != null || usage != null) {
                emit(new StreamEvent(text, toolCalls, finish, usage));
            }
        }
    }
}
