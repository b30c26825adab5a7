package dev.lakehouse.replayd.target;

import dev.lakehouse.replayd.peer.ChatCompletionRequest;
import dev.lakehouse.replayd.peer.ChatdClient;
import dev.lakehouse.replayd.peer.PeerErrors;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.schemas.observation.ChatMessage;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Usage;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a recorded prompt to the target through chatd: the recorded messages under the role
 * (chatd prepends the role's system prompt and applies its gate, contract and policy, as it
 * does for any client), with the recorded sampling parameters. A 429 pauses the whole run for
 * chatd's Retry-After and is retried; chatd's other refusals are the target's answer.
 */
public final class TargetCaller {

    private final ChatdClient chatd;
    private final PeerRetries retries;
    private final Retry retry;
    private final JsonMapper json;
    private final Counter throttled;

    public TargetCaller(ChatdClient chatd, PeerRetries retries, JsonMapper json, MeterRegistry meters) {
        this.chatd = chatd;
        this.retries = retries;
        this.retry = retries.chatd();
        this.json = json;
        this.throttled = Counter.builder("lakehouse.replayd.chatd.throttled")
                .description("chat calls chatd answered with 429; the run paused for its Retry-After").register(meters);
    }

    /**
     * @throws PeerUnavailableException when chatd cannot be reached through every retry
     * @throws CallStopped when the run stopped while the call waited for its turn
     */
    public TargetAnswer call(TargetSession session, ReplayCase record) {
        String role = session.spec().roleFor(record.role());
        ChatCompletionRequest request = request(session.spec(), record);
        try {
            Timed answer = retry.executeCallable(() -> attempt(session, role, request));
            return answer(session.spec(), role, answer);
        } catch (RestClientResponseException e) {
            return TargetAnswer.failed(role, requestedProvider(session.spec()), requestedModel(session.spec()),
                    PeerErrors.of(e, json));
        } catch (ResourceAccessException e) {
            throw new PeerUnavailableException("chatd cannot be reached (LAKEHOUSE_CHATD_URL): " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new PeerUnavailableException("chatd's answer cannot be read: " + e.getMessage(), e);
        } catch (CallStopped | PeerUnavailableException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallStopped();
        } catch (Exception e) {
            throw new IllegalStateException("chat call failed unexpectedly", e);
        }
    }

    private Timed attempt(TargetSession session, String role, ChatCompletionRequest request) throws InterruptedException {
        if (!session.throttle().acquire(session.stopped())) {
            throw new CallStopped();
        }
        long start = System.nanoTime();
        try {
            return new Timed(chatd.complete(role, session.keyId(), request), System.nanoTime() - start);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 429) {
                throttled.increment();
                session.throttle().pause(retries.pauseAfterThrottling(e));
            }
            throw e;
        }
    }

    static ChatCompletionRequest request(TargetSpec target, ReplayCase record) {
        List<ChatCompletionRequest.Message> messages = record.messages().stream().map(TargetCaller::message).toList();
        Params params = record.params();
        return new ChatCompletionRequest(target.model(), messages,
                params == null ? null : params.temperature(),
                params == null ? null : params.topP(),
                params == null ? null : params.maxTokens(),
                params == null || params.stop() == null || params.stop().isEmpty() ? null : params.stop(),
                params == null ? null : params.seed(),
                false);
    }

    private static ChatCompletionRequest.Message message(ChatMessage message) {
        return new ChatCompletionRequest.Message(message.role(), message.content(), message.name(), message.toolCallId());
    }

    private TargetAnswer answer(TargetSpec target, String role, Timed timed) {
        JsonNode body = timed.response().getBody() == null ? json.missingNode() : timed.response().getBody();
        String provider = timed.response().getHeaders().getFirst(ChatdClient.PROVIDER_HEADER);
        if (provider == null || provider.isBlank()) {
            provider = requestedProvider(target);
        }
        String model = body.path("model").isString() ? body.path("model").asString() : requestedModel(target);
        if (provider != null && model != null && model.startsWith(provider + "/")) {
            model = model.substring(provider.length() + 1);
        }
        JsonNode message = body.path("choices").path(0).path("message");
        String output = message.path("content").isString() ? message.path("content").asString()
                : message.path("tool_calls").isArray() ? json.writeValueAsString(message.path("tool_calls")) : "";
        return new TargetAnswer(role, output, provider, model, timed.nanos() / 1_000_000d, usage(body.path("usage")), null);
    }

    private static @Nullable Usage usage(JsonNode usage) {
        if (!usage.path("prompt_tokens").isNumber() || !usage.path("completion_tokens").isNumber()) {
            return null;
        }
        return Usage.of(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt(), false);
    }

    private static @Nullable String requestedProvider(TargetSpec target) {
        String model = target.model();
        return model == null || model.indexOf('/') <= 0 ? null : model.substring(0, model.indexOf('/'));
    }

    private static @Nullable String requestedModel(TargetSpec target) {
        String model = target.model();
        return model == null || model.indexOf('/') <= 0 ? model : model.substring(model.indexOf('/') + 1);
    }

    /** A response and how long its call took. */
    private record Timed(ResponseEntity<JsonNode> response, long nanos) {
    }
}
