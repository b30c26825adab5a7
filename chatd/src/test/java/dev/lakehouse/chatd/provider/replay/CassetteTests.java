package dev.lakehouse.chatd.provider.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The replay provider answers with what the lake recorded for the same request, and says when it has nothing. */
class CassetteTests extends ChatdHarness {

    @Autowired
    CassetteIndex index;

    private String recordAnswer(String question, String answer) {
        OPENAI.enqueue(Wire.openAiAnswer(answer, 17, 3));
        HttpResponse<String> recorded = post("/v1/chat/completions", chat("openai/gpt-test", question));
        assertThat(recorded.statusCode()).isEqualTo(200);
        observationOf(recorded);
        index.refresh();
        return answer;
    }

    @Test
    void aRecordedRequestIsAnsweredWithItsRecordedOutputWhateverTheModelName() {
        String question = "Capital of Norway? " + UUID.randomUUID();
        recordAnswer(question, "Oslo.");

        HttpResponse<String> replayed = post("/v1/chat/completions", chat("replay/any-model", "  " + question.toUpperCase()));

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("X-Lakehouse-Provider")).hasValue("replay");
        JsonNode answer = json(replayed);
        assertThat(answer.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Oslo.");
        assertThat(answer.path("usage").path("prompt_tokens").asInt()).isEqualTo(17);
        assertThat(OPENAI.requests()).hasSize(1);
    }

    @Test
    void aReplayStreamsTheRecordingInChunksAndEndsCleanly() {
        String question = "Tell a story " + UUID.randomUUID();
        recordAnswer(question, "Once upon a time there was a lake full of evidence.");

        HttpResponse<String> replayed = post("/api/chat", "{\"model\":\"replay/cassette\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + question + "\"}]}");

        StringBuilder text = new StringBuilder();
        replayed.body().lines().map(JSON::readTree).forEach(line -> text.append(line.path("message").path("content").asString()));
        assertThat(text.toString()).isEqualTo("Once upon a time there was a lake full of evidence.");
        assertThat(replayed.body().lines().count()).isGreaterThan(3);
        assertThat(replayed.body().lines().toList().getLast()).contains("\"done\":true");
    }

    @Test
    void aRoleWhoseChainIsTheCassetteAnswersOffline() {
        String question = "Offline question " + UUID.randomUUID();
        recordAnswer(question, "Offline answer.");

        HttpResponse<String> replayed = post("/v1/chat/completions", chat(null, question), "X-Lakehouse-Role", "cassette");

        assertThat(json(replayed).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Offline answer.");
    }

    @Test
    void withoutARecordingReplayIsA404InTheSurfacesShape() {
        HttpResponse<String> openAi = post("/v1/chat/completions", chat("replay/cassette", "never asked " + UUID.randomUUID()));
        HttpResponse<String> ollama = post("/api/chat", "{\"stream\":false,\"model\":\"replay/cassette\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"never asked either\"}]}");

        assertThat(openAi.statusCode()).isEqualTo(404);
        assertThat(json(openAi).path("error").path("code").asString()).isEqualTo("no_recording");
        assertThat(json(openAi).path("error").path("message").asString()).contains("no recording of this request");
        assertThat(ollama.statusCode()).isEqualTo(404);
        assertThat(json(ollama).path("error").asString()).contains("no recording");
        JsonNode replay = json(get("/actuator/health")).path("components").path("providers").path("details").path("replay");
        assertThat(replay.path("misses").asLong()).isPositive();
        assertThat(replay.path("lastMiss").asString()).startsWith("no recording for request hash");
    }

    @Test
    void healthCountsTheRecordings() {
        recordAnswer("Counted " + UUID.randomUUID(), "Yes.");

        JsonNode replay = json(get("/actuator/health")).path("components").path("providers").path("details").path("replay");

        assertThat(replay.path("state").asString()).isEqualTo("up");
        assertThat(replay.path("recordings").asInt()).isPositive();
    }
}
