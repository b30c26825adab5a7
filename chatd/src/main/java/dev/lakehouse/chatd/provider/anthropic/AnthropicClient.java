package dev.lakehouse.chatd.provider.anthropic;

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
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code x-api-key} and {@code anthropic-version}
 * headers), non-streamed and as SSE ({@code message_start}, {@code content_block_delta},
 * {@code message_delta}, {@code message_stop}; {@code event: error} for an overload mid-stream).
 * OpenAI-shaped tools, tool calls and tool results are translated both ways ({@link AnthropicTools}).
 */
public final class AnthropicClient implements ProviderClient {

    /** Anthropic's temperature range is [0, 1]; OpenAI's is [0, 2]. */
    private static final double MAX_TEMPERATURE = 1.0;

    private final UpstreamHttp http;
    private final IdleWatchdog watchdog;
    private final ProviderSettings settings;
    private final AnthropicTools tools;

    public AnthropicClient(UpstreamHttp http, IdleWatchdog watchdog, ProviderSettings settings) {
        this.http = http;
        this.watchdog = watchdog;
        this.settings = settings;
        this.tools = new AnthropicTools(http.json());
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public ProviderReply complete(ProviderRequest request) throws ProviderException {
        UpstreamHttp.Answer response = http.postForJson("v1/messages", body(request, false));
        JsonNode answer = response.body();
        if (!answer.path("content").isArray()) {
            throw ProviderException.protocol(name(), "no content in the answer");
        }
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = http.json().createArrayNode();
        for (JsonNode block : answer.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> toolCalls.add(tools.toolCall(block));
                default -> {
                    // thinking and other blocks are not part of an OpenAI answer
                }
            }
        }
        String content = text.toString();
        JsonNode usage = answer.path("usage");
        return new ProviderReply(content, finishReason(answer.path("stop_reason")), toolCalls.isEmpty() ? null : toolCalls,
                UsageEstimator.reportedOrEstimated(intOrNull(usage.path("input_tokens")),
                        intOrNull(usage.path("output_tokens")), request.messages(), content),
                response.status());
    }

    @Override
    public UpstreamStream stream(ProviderRequest request) throws ProviderException {
        return new AnthropicStream(http.postForStream("v1/messages", body(request, true), "text/event-stream"));
    }

    ObjectNode body(ProviderRequest request, boolean stream) throws ProviderException {
        ObjectNode body = http.json().createObjectNode();
        body.put("model", request.model());
        Params params = request.params();
        body.put("max_tokens", params.maxTokens() != null ? params.maxTokens() : settings.defaultMaxTokens());
        List<String> system = new ArrayList<>();
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            if (Message.SYSTEM.equals(message.role())) {
                system.add(message.content());
            } else {
                tools.addMessage(messages, message, name());
            }
        }
        if (!system.isEmpty()) {
            body.put("system", String.join("\n\n", system));
        }
        if (request.tools() != null) {
            body.set("tools", tools.definitions(request.tools()));
            JsonNode choice = tools.choice(request.passthrough());
            if (choice != null) {
                body.set("tool_choice", choice);
            }
        }
        if (params.temperature() != null) {
            body.put("temperature", Math.min(MAX_TEMPERATURE, params.temperature()));
        }
        if (params.topP() != null) {
            body.put("top_p", params.topP());
        }
        if (params.stop() != null) {
            ArrayNode stop = body.putArray("stop_sequences");
            params.stop().forEach(stop::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    /** Anthropic's stop reasons in OpenAI's vocabulary. */
    static @Nullable String finishReason(JsonNode stopReason) {
        if (!stopReason.isString()) {
            return null;
        }
        return switch (stopReason.asString()) {
            case "end_turn", "stop_sequence", "pause_turn" -> "stop";
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> stopReason.asString();
        };
    }

    private static @Nullable Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private final class AnthropicStream extends SseStream {

        private @Nullable Integer inputTokens;
        private @Nullable Integer outputTokens;
        private @Nullable String finish;
        private final AnthropicTools.StreamedCalls calls = tools.streamedCalls();

        AnthropicStream(HttpResponse<InputStream> response) {
            super("anthropic", response, watchdog, settings);
        }

        @Override
        protected void onEvent(String event, String data) throws ProviderException {
            JsonNode payload;
            try {
                payload = http.json().readTree(data);
            } catch (JacksonException e) {
                throw ProviderException.protocol(provider, "a stream event is not JSON");
            }
            String type = payload.path("type").asString(event);
            switch (type) {
                case "message_start" -> {
                    JsonNode usage = payload.path("message").path("usage");
                    inputTokens = intOrNull(usage.path("input_tokens"));
                    outputTokens = intOrNull(usage.path("output_tokens"));
                }
                case "content_block_start" -> {
                    JsonNode started = calls.start(payload);
                    if (started != null) {
                        emit(new StreamEvent("", started, null, null));
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = payload.path("delta");
                    switch (delta.path("type").asString("")) {
                        case "text_delta" -> emit(StreamEvent.text(delta.path("text").asString("")));
                        case "input_json_delta" -> {
                            JsonNode arguments = calls.arguments(payload, provider);
                            if (arguments != null) {
                                emit(new StreamEvent("", arguments, null, null));
                            }
                        }
                        default -> {
                            // thinking and signature deltas are not part of an OpenAI answer
                        }
                    }
                }
                case "message_delta" -> {
                    finish = finishReason(payload.path("delta").path("stop_reason"));
                    Integer output = intOrNull(payload.path("usage").path("output_tokens"));
                    if (output != null) {
                        outputTokens = output;
                    }
                }
                case "message_stop" -> {
                    Usage usage = inputTokens != null && outputTokens != null
                            ? Usage.of(inputTokens, outputTokens, false) : null;
                    emit(StreamEvent.finish(finish, usage));
                    terminate();
                }
                case "error" -> throw ProviderException.streamError(provider,
                        payload.path("error").path("type").asString("error"),
                        payload.path("error").path("message").asString(""));
                default -> {
                    // ping, content_block_stop: nothing for the client
                }
            }
        }
    }
}
