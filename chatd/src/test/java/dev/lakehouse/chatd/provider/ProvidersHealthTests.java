package dev.lakehouse.chatd.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProvidersHealthTests extends ChatdHarness {

    @Test
    void healthShowsEachProvidersStateAndWhyADisabledOneIsOff() {
        JsonNode providers = json(get("/actuator/health")).path("components").path("providers");

        assertThat(providers.path("status").asString()).isEqualTo("UP");
        JsonNode details = providers.path("details");
        assertThat(details.path("openai").path("state").asString()).isEqualTo("up");
        assertThat(details.path("openai").path("breaker").asString()).isEqualTo("closed");
        assertThat(details.path("openrouter").path("state").asString()).isEqualTo("disabled");
        assertThat(details.path("openrouter").path("reason").asString()).isEqualTo("OPENROUTER_API_KEY is not set");
        assertThat(details.path("ollama").path("models").valueStream().map(JsonNode::asString))
                .contains("llama-test", "qwen-local:0.5b");
        assertThat(details.path("usable").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anOpenBreakerShowsTheProviderDownWithoutTakingChatdDown() {
        guards.guard("gemini").breaker().transitionToOpenState();

        JsonNode health = json(get("/actuator/health"));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("providers").path("details").path("gemini").path("state").asString())
                .isEqualTo("down");
    }
}
