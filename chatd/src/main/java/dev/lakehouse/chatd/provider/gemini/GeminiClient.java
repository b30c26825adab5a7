package dev.lakehouse.chatd.provider.gemini;

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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API: {@code models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse}. The key goes in the {@code x-goog-api-key} header, never
 * in the URL, so no log line can carry it. Gemini's stream has no terminal event: it is complete
 * once a chunk carried a {@code finishReason}. OpenAI-shaped tools, tool calls and tool results are
 * translated both ways ({@link GeminiTools}).
 */
public final class GeminiClient implements ProviderClient {

    private final UpstreamHttp http;
    private final IdleWatchdog watchdog;
    private final ProviderSettings settings;
    private final GeminiTools tools;

    public GeminiClient(UpstreamHttp http, IdleWatchdog watchdog, ProviderSettings settings) {
        this.http = http;
        this.watchdog = watchdog;
        this.settings = settings;
        this.tools = new GeminiTools(http.json());
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public ProviderReply complete(ProviderRequest request) throws ProviderException {
        UpstreamHttp.Answer response = http.postForJson(path(request.model(), "generateContent"), body(request));
        JsonNode answer = response.body();
        JsonNode candidate = answer.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            String blocked = answer.path("promptFeedback").path("blockReason").asString("");
            if (!blocked.isEmpty()) {
                throw ProviderException.fromStatus(name(), 400, null, "prompt blocked: " + blocked);
            }
            throw ProviderException.protocol(name(), "no candidates in the answer");
        }
        String content = text(candidate);
        ArrayNode toolCalls = http.json().createArrayNode();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("functionCall").isObject()) {
                toolCalls.add(tools.toolCall(part.path("functionCall")));
            }
        }
        String finish = finishReason(candidate.path("finishReason"));
        return new ProviderReply(content, toolCalls.isEmpty() || !"stop".equals(finish) ? finish : "tool_calls",
                toolCalls.isEmpty() ? null : toolCalls,
                usage(answer.path("usageMetadata"), request, content), response.status());
    }

    @Override
    public UpstreamStream stream(ProviderRequest request) throws ProviderException {
        return new GeminiStream(http.postForStream(path(request.model(), "streamGenerateContent") + "?alt=sse", body(request),
                "text/event-stream"), request);
    }

    private static String path(String model, String method) {
        String bare = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return "v1beta/models/" + URLEncoder.encode(bare, StandardCharsets.UTF_8) + ":" + method;
    }

    ObjectNode body(ProviderRequest request) throws ProviderException {
        ObjectNode body = http.json().createObjectNode();
        List<String> system = new ArrayList<>();
        GeminiTools.Conversation contents = tools.conversation(body.putArray("contents"), name());
        for (Message message : request.messages()) {
            if (Message.SYSTEM.equals(message.role())) {
                system.add(message.content());
            } else {
                contents.add(message);
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", String.join("\n\n", system));
        }
        if (request.tools() != null) {
            body.set("tools", tools.definitions(request.tools()));
            ObjectNode toolConfig = tools.config(request.passthrough());
            if (toolConfig != null) {
                body.set("toolConfig", toolConfig);
            }
        }
        ObjectNode config = body.putObject("generationConfig");
        Params params = request.params();
        if (params.temperature() != null) {
            config.put("temperature", params.temperature());
        }
        if (params.topP() != null) {
            config.put("topP", params.topP());
        }
        if (params.maxTokens() != null) {
            config.put("maxOutputTokens", params.maxTokens());
        }
        if (params.stop() != null) {
            ArrayNode stop = config.putArray("stopSequences");
            params.stop().forEach(stop::add);
        }
        if (params.seed() != null) {
            config.put("seed", params.seed());
        }
        if (request.passthrough() != null
                && request.passthrough().path("response_format").path("type").asString("").startsWith("json")) {
            config.put("responseMimeType", "application/json");
        }
        return body;
    }

    private static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asString());
            }
        }
        return text.toString();
    }

    /** Gemini's finish reasons in OpenAI's vocabulary. */
    static @Nullable String finishReason(JsonNode reason) {
        if (!reason.isString()) {
            return null;
        }
        return switch (reason.asString()) {
            case "STOP" -> "stop";
            case "MAX_TOKENS" -> "length";
            case "FINISH_REASON_UNSPECIFIED" -> null;
            default -> "content_filter";
        };
    }

    private static Usage usage(JsonNode metadata, ProviderRequest request, String content) {
        return UsageEstimator.reportedOrEstimated(intOrNull(metadata.path("promptTokenCount")),
                intOrNull(metadata.path("candidatesTokenCount")), request.messages(), content);
    }

    private static @Nullable Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private final class GeminiStream extends SseStream {

        private final ProviderRequest request;
        private final StringBuilder content = new StringBuilder();
        private @Nullable JsonNode usageMetadata;
        private boolean finished;
        private int calls;

        GeminiStream(HttpResponse<InputStream> response, ProviderRequest request) {
            super("gemini", response, watchdog, settings);
            this.request = request;
        }

        @Override
        protected void onEvent(String event, String data) throws ProviderException {
            JsonNode chunk;
            try {
                chunk = http.json().readTree(data);
            } catch (JacksonException e) {
                throw ProviderException.protocol(provider, "a stream chunk is not JSON");
            }
            if (chunk.has("error")) {
                throw ProviderException.streamError(provider, chunk.path("error").path("status").asString("error"),
                        chunk.path("error").path("message").asString(""));
            }
            if (chunk.path("usageMetadata").isObject()) {
                usageMetadata = chunk.path("usageMetadata");
            }
            JsonNode candidate = chunk.path("candidates").path(0);
            String text = text(candidate);
            if (!text.isEmpty()) {
                content.append(text);
                emit(StreamEvent.text(text));
            }
            for (JsonNode part : candidate.path("content").path("parts")) {
                if (part.path("functionCall").isObject()) {
                    ArrayNode delta = http.json().createArrayNode().add(tools.toolCallDelta(part.path("functionCall"), calls++));
                    emit(new StreamEvent("", delta, null, null));
                }
            }
            String finish = finishReason(candidate.path("finishReason"));
            if (calls > 0 && "stop".equals(finish)) {
                finish = "tool_calls";
            }
            if (finish != null) {
                finished = true;
                emit(StreamEvent.finish(finish, null));
            }
        }

        @Override
        protected boolean endIsTerminal() {
            if (finished && usageMetadata != null) {
                emit(StreamEvent.finish(null, usage(usageMetadata, request, content.toString())));
            }
            return finished;
        }
    }
}
