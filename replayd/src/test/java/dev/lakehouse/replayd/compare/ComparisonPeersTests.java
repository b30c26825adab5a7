package dev.lakehouse.replayd.compare;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.peer.EmbeddClient;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.peer.ValidatedClient;
import dev.lakehouse.replayd.testing.StubServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Verdicts and similarity against local servers speaking validated's and embedd's wire APIs. */
class ComparisonPeersTests {

    private static final String VALID = """
            {"schema":"lakehouse.validation-verdict/v1","valid":true,"contract":"email","validatorVersion":"1.0.0",\
            "durationMicros":50,"violations":[]}""";
    private static final String INVALID = """
            {"schema":"lakehouse.validation-verdict/v1","valid":false,"contract":"email","validatorVersion":"1.0.0",\
            "durationMicros":50,"violations":[{"code":"email.address.invalid","path":"/to/0","message":"no domain",\
            "severity":"error"}]}""";
    private static final PeerRetries RETRIES = new PeerRetries(new ReplaydProperties.Retry(3, Duration.ofMillis(5),
            Duration.ofMillis(20)), Clock.systemUTC());

    private final StubServer validated = new StubServer();
    private final StubServer embedd = new StubServer();

    @AfterEach
    void stop() {
        validated.close();
        embedd.close();
    }

    @Test
    void validatedJudgesTheOutputAgainstTheRecordedContractWithTheSystemPrompt() {
        validated.answer(200, INVALID);

        SideVerdict verdict = verdicts().judge("email", "{\"to\":[\"bob@\"]}", "You write emails.");

        JsonNode sent = JSON.readTree(validated.requests().getFirst().body());
        assertThat(validated.requests().getFirst().path()).isEqualTo("/v1/validate");
        assertThat(sent.path("contract").asString()).isEqualTo("email");
        assertThat(sent.path("payload").asString()).isEqualTo("{\"to\":[\"bob@\"]}");
        assertThat(sent.path("context").path("systemPrompt").asString()).isEqualTo("You write emails.");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.verdict().violations()).extracting(v -> v.code()).containsExactly("email.address.invalid");
    }

    @Test
    void noOutputFailsWithoutAskingValidated() {
        SideVerdict verdict = verdicts().judge("email", null, null);

        assertThat(verdict.passed()).isFalse();
        assertThat(validated.requests()).isEmpty();
    }

    @Test
    void aContractValidatedRefusesLeavesTheOutputWithoutAVerdict() {
        validated.answer(404, """
                {"type":"https://lakehouse.dev/problems/unknown_contract","title":"Unknown contract","status":404,\
                "detail":"no contract fill:lakehouse.contract.nope/v1","code":"unknown_contract"}""");

        SideVerdict verdict = verdicts().judge("fill:lakehouse.contract.nope/v1", "{}", null);

        assertThat(verdict.passed()).isNull();
        assertThat(verdict.error().code()).isEqualTo("unknown_contract");
        assertThat(validated.requests()).hasSize(1);
    }

    @Test
    void aFailingValidatedIsRetriedAndThenStopsTheRun() {
        validated.answer(503, "{}").answer(200, VALID);

        assertThat(verdicts().judge("email", "{}", null).passed()).isTrue();
        assertThat(validated.requests()).hasSize(2);

        StubServer broken = new StubServer().answer(500, "{}");
        Verdicts failing = new Verdicts(broken.client(ValidatedClient.class), RETRIES, JSON);
        assertThatThrownBy(() -> failing.judge("email", "{}", null)).isInstanceOf(PeerUnavailableException.class);
        assertThat(broken.requests()).hasSize(3);
        broken.close();
    }

    @Test
    void similarityIsTheCosineOfBothOutputsEmbeddedInOneCall() {
        embedd.answer(200, """
                {"object":"list","model":"all-minilm","data":[{"object":"embedding","index":1,"embedding":[0.0,1.0]},\
                {"object":"embedding","index":0,"embedding":[1.0,1.0]}],"usage":{"prompt_tokens":4,"total_tokens":4}}""");

        Double similarity = similarity().between("Blue.", "Azure.");

        JsonNode sent = JSON.readTree(embedd.requests().getFirst().body());
        assertThat(sent.path("model").asString()).isEqualTo("all-minilm");
        assertThat(sent.path("input").path(0).asString()).isEqualTo("Blue.");
        assertThat(sent.path("input").path(1).asString()).isEqualTo("Azure.");
        assertThat(similarity).isEqualTo(0.707107);
    }

    @Test
    void emptyOutputsNeedNoEmbedding() {
        assertThat(similarity().between("", "  ")).isEqualTo(1.0);
        assertThat(similarity().between("Blue.", "")).isEqualTo(0.0);
        assertThat(embedd.requests()).isEmpty();
    }

    @Test
    void anEmbeddRefusalLeavesNoSimilarity() {
        embedd.answer(400, "{\"error\":{\"message\":\"unknown model\",\"type\":\"invalid_request_error\"}}");

        assertThat(similarity().between("Blue.", "Azure.")).isNull();
    }

    private Verdicts verdicts() {
        return new Verdicts(validated.client(ValidatedClient.class), RETRIES, JSON);
    }

    private Similarity similarity() {
        return new Similarity(embedd.client(EmbeddClient.class), RETRIES, "all-minilm");
    }
}
