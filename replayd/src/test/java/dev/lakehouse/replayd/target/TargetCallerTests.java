package dev.lakehouse.replayd.target;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.peer.ChatdClient;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.testing.StubServer;
import dev.lakehouse.schemas.observation.ChatMessage;
import dev.lakehouse.schemas.observation.Params;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The call to the target against a local server speaking chatd's OpenAI-format API. */
class TargetCallerTests {

    private static final String ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"to\\":[\\"bob@example.com\\"]}"},
             "finish_reason":"stop"}],"usage":{"prompt_tokens":41,"completion_tokens":12,"total_tokens":53}}""";
    private static final ReplaydProperties.Retry RETRY = new ReplaydProperties.Retry(3, Duration.ofMillis(5),
            Duration.ofMillis(20));

    private final StubServer chatd = new StubServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        chatd.close();
    }

    @Test
    void sendsTheRecordedMessagesAndParamsUnderTheRecordedRoleToTheTargetModel() {
        chatd.answer(200, ANSWER, "X-Lakehouse-Provider", "openai");

        caller(chatd).call(session(TargetSpec.model("openai/gpt-4o-mini")), record());

        StubServer.Request sent = chatd.requests().getFirst();
        JsonNode body = JSON.readTree(sent.body());
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("X-Lakehouse-Role")).isEqualTo("email-writer");
        assertThat(sent.header("X-Lakehouse-Key-Id")).isEqualTo("replay:rpl_test0001");
        assertThat(body.path("model").asString()).isEqualTo("openai/gpt-4o-mini");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("Tell bob the report is late.");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(400);
        assertThat(body.path("stream").asBoolean()).isFalse();
    }

    @Test
    void aRoleTargetSendsEveryRecordUnderThatRoleAndLetsItsChainPickTheModel() {
        chatd.answer(200, ANSWER, "X-Lakehouse-Provider", "ollama");

        TargetAnswer answer = caller(chatd).call(session(TargetSpec.role("email-writer-student")), record());

        JsonNode body = JSON.readTree(chatd.requests().getFirst().body());
        assertThat(chatd.requests().getFirst().header("X-Lakehouse-Role")).isEqualTo("email-writer-student");
        assertThat(body.has("model")).isFalse();
        assertThat(answer.role()).isEqualTo("email-writer-student");
        assertThat(answer.provider()).isEqualTo("ollama");
    }

    @Test
    void readsOutputProviderModelAndUsageFromChatdsAnswer() {
        chatd.answer(200, ANSWER.replace("\"model\":\"gpt-4o-mini\"", "\"model\":\"openai/gpt-4o-mini\""),
                "X-Lakehouse-Provider", "openai");

        TargetAnswer answer = caller(chatd).call(session(TargetSpec.model("openai/gpt-4o-mini")), record());

        assertThat(answer.output()).isEqualTo("{\"to\":[\"bob@example.com\"]}");
        assertThat(answer.provider()).isEqualTo("openai");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini");
        assertThat(answer.usage().promptTokens()).isEqualTo(41);
        assertThat(answer.usage().completionTokens()).isEqualTo(12);
        assertThat(answer.latencyMs()).isNotNull();
        assertThat(answer.error()).isNull();
    }

    @Test
    void a429PausesTheWholeRunForItsRetryAfterAndIsRetried() {
        chatd.answer(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":null}}",
                "Retry-After", "1").answer(200, ANSWER, "X-Lakehouse-Provider", "openai");
        TargetSession session = session(TargetSpec.model("openai/gpt-4o-mini"));

        TargetAnswer answer = caller(chatd).call(session, record());

        assertThat(chatd.requests()).hasSize(2);
        assertThat(session.throttle().pauses()).isEqualTo(1);
        assertThat(meters.counter("lakehouse.replayd.chatd.throttled").count()).isEqualTo(1.0);
        assertThat(answer.output()).isNotNull();
    }

    @Test
    void rateLimitedThroughEveryRetryBecomesTheRecordsError() {
        chatd.answer(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":null}}",
                "Retry-After", "0");

        TargetAnswer answer = caller(chatd).call(session(TargetSpec.model("openai/gpt-4o-mini")), record());

        assertThat(chatd.requests()).hasSize(RETRY.maxAttempts());
        assertThat(answer.output()).isNull();
        assertThat(answer.error().status()).isEqualTo(429);
        assertThat(answer.error().code()).isEqualTo("rate_limit_error");
    }

    @Test
    void chatdsRefusalIsTheTargetsAnswerAndIsNotRetried() {
        chatd.answer(404, """
                {"error":{"message":"replay has no recording of this request","type":"invalid_request_error",\
                "param":null,"code":"no_recording"}}""");

        TargetAnswer answer = caller(chatd).call(session(TargetSpec.model("replay/cassette")), record());

        assertThat(chatd.requests()).hasSize(1);
        assertThat(answer.output()).isNull();
        assertThat(answer.provider()).isEqualTo("replay");
        assertThat(answer.model()).isEqualTo("cassette");
        assertThat(answer.error().code()).isEqualTo("no_recording");
        assertThat(answer.error().message()).contains("no recording");
    }

    @Test
    void aChatdThatCannotBeReachedStopsTheRunAfterItsRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TargetCaller caller = new TargetCaller(clientAt("http://127.0.0.1:" + closedPort), retries(), JSON,
                new SimpleMeterRegistry());

        assertThatThrownBy(() -> caller.call(session(TargetSpec.model("openai/gpt-4o-mini")), record()))
                .isInstanceOf(PeerUnavailableException.class).hasMessageContaining("LAKEHOUSE_CHATD_URL");
    }

    @Test
    void aStoppedRunMakesNoCall() {
        chatd.answer(200, ANSWER);
        TargetSession stopped = new TargetSession("rpl_test0001", TargetSpec.model("openai/gpt-4o-mini"),
                new Throttle("rpl_test0001", 100), () -> true);

        assertThatThrownBy(() -> caller(chatd).call(stopped, record())).isInstanceOf(CallStopped.class);
        assertThat(chatd.requests()).isEmpty();
    }

    private TargetCaller caller(StubServer server) {
        return new TargetCaller(server.client(ChatdClient.class), retries(), JSON, meters);
    }

    private static ChatdClient clientAt(String url) {
        var rest = org.springframework.web.client.RestClient.builder().baseUrl(url).build();
        return org.springframework.web.service.invoker.HttpServiceProxyFactory
                .builderFor(org.springframework.web.client.support.RestClientAdapter.create(rest)).build()
                .createClient(ChatdClient.class);
    }

    private static PeerRetries retries() {
        return new PeerRetries(RETRY, Clock.systemUTC());
    }

    private static TargetSession session(TargetSpec spec) {
        return new TargetSession("rpl_test0001", spec, new Throttle("rpl_test0001", 1000), () -> false);
    }

    private static ReplayCase record() {
        return new ReplayCase(0, "obs_1", "observations/dt=2026-11-24/chatd-t1-000000.jsonl#1", "email-writer", "email",
                "You write short business emails.", List.of(ChatMessage.of("user", "Tell bob the report is late.")),
                new Params(0.2, null, 400, List.of(), null, null), "{}", "ollama", "llama3.2:3b", 900.0, null, true);
    }
}
