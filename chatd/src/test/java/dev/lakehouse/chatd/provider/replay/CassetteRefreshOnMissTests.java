package dev.lakehouse.chatd.provider.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A recording that reached the lake after the last indexing is found by the first request that misses it. */
class CassetteRefreshOnMissTests extends ChatdHarness {

    @DynamicPropertySource
    static void refreshOnEveryMiss(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.chatd.replay.refresh-on-miss-after", () -> "0s");
    }

    @Test
    void aMissIndexesTheNewRecordingsBeforeGivingUp() {
        String question = "Recorded after the last indexing " + UUID.randomUUID();
        OPENAI.enqueue(Wire.openAiAnswer("Found on the miss.", 11, 4));
        observationOf(post("/v1/chat/completions", chat("openai/gpt-test", question)));

        HttpResponse<String> replayed = post("/v1/chat/completions", chat("replay/cassette", question));

        assertThat(replayed.statusCode()).isEqualTo(200);
        JsonNode answer = json(replayed);
        assertThat(answer.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Found on the miss.");
    }
}
