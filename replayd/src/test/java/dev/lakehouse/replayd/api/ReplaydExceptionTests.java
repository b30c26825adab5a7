package dev.lakehouse.replayd.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplaydExceptionTests {

    @Test
    void aFullQueueIsA429ThatSaysWhenToRetry() {
        ReplaydException full = ReplaydException.queueFull(18, Duration.ofSeconds(30));

        assertThat(full.getStatusCode().value()).isEqualTo(429);
        assertThat(full.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(full.getBody().getProperties()).containsEntry("code", "replay_queue_full");
        assertThat(full.getBody().getDetail()).startsWith("18 replays");
    }

    @Test
    void anInvalidRequestNamesTheMemberByJsonPointer() {
        ReplaydException invalid = ReplaydException.invalid("/target/model", "must be provider/model");

        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().getProperties()).containsEntry("pointer", "/target/model");
        assertThat(invalid.getBody().getDetail()).isEqualTo("/target/model: must be provider/model");
    }

    @Test
    void anOverlongUnknownIdIsAbbreviatedInTheDetail() {
        ReplaydException missing = ReplaydException.notFound("x".repeat(500));

        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().getDetail()).hasSizeLessThan(100);
    }
}
