package dev.lakehouse.chatd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** chatd keeps the promises every daemon makes; its malformed-JSON answer is OpenAI-shaped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatdDaemonContractTests extends DaemonContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", () -> data.toString());
        registry.add("lakehouse.lake-dir", () -> data.resolve("lake").toString());
        // Nothing listens on port 9: Ollama is "down", the embedded default.
        registry.add("lakehouse.chatd.providers.ollama.base-url", () -> "http://127.0.0.1:9");
    }

    @Test
    void withNoProviderChatdIsReadyAndHealthSaysWhatIsMissing() throws Exception {
        JsonNode providers = JSON.readTree(get("/actuator/health", false).body()).path("components").path("providers");

        assertThat(JSON.readTree(get("/actuator/health/readiness", false).body()).path("status").asString()).isEqualTo("UP");
        assertThat(providers.path("status").asString()).isEqualTo("UP");
        assertThat(providers.path("details").path("openai").path("reason").asString()).isEqualTo("OPENAI_API_KEY is not set");
        assertThat(providers.path("details").path("anthropic").path("state").asString()).isEqualTo("disabled");
        assertThat(providers.path("details").path("ollama").path("state").asString()).isEqualTo("down");
        assertThat(providers.path("details").path("replay").path("state").asString()).isEqualTo("empty");
    }

    @Test
    void withNoProviderAChatSaysNoProviderIsAvailable() throws Exception {
        var response = post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", true);

        assertThat(response.statusCode()).isIn(502, 503);
        assertThat(JSON.readTree(response.body()).path("error").path("message").asString()).contains("ollama");
    }

    @Override
    protected String daemonName() {
        return "chatd";
    }

    @Override
    protected String jsonRoute() {
        return "/v1/chat/completions";
    }
}
