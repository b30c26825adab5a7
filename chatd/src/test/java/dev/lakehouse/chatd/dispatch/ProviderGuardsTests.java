package dev.lakehouse.chatd.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderSettings;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderGuardsTests {

    private final ProviderSettings.ResilienceSettings resilience = new ProviderSettings.ResilienceSettings(3,
            Duration.ofMillis(200), 2.0, Duration.ofSeconds(10), 50, 20, 10, Duration.ofSeconds(30), 8);

    @Test
    void theWaitBeforeARetryIsTheProvidersRetryAfter() {
        ProviderException limited = ProviderException.fromStatus("openai", 429, Duration.ofSeconds(4), "slow down");

        long wait = ProviderGuards.interval(resilience).apply(1, Either.left(limited));

        assertThat(wait).isEqualTo(4000);
    }

    @Test
    void withoutRetryAfterTheWaitGrowsExponentially() {
        ProviderException failed = ProviderException.fromStatus("openai", 500, null, "boom");

        assertThat(ProviderGuards.interval(resilience).apply(1, Either.left(failed))).isEqualTo(200);
        assertThat(ProviderGuards.interval(resilience).apply(2, Either.left(failed))).isEqualTo(400);
        assertThat(ProviderGuards.interval(resilience).apply(3, Either.left(failed))).isEqualTo(800);
    }

    @Test
    void onlyProviderFaultsWorthRepeatingAreRetriedAndNotBeyondTheLongestHonouredWait() {
        Duration max = Duration.ofSeconds(10);

        assertThat(ProviderGuards.retryable(ProviderException.fromStatus("p", 503, null, ""), max)).isTrue();
        assertThat(ProviderGuards.retryable(ProviderException.connect("p", "refused"), max)).isTrue();
        assertThat(ProviderGuards.retryable(ProviderException.streamCut("p", "cut"), max)).isTrue();
        assertThat(ProviderGuards.retryable(ProviderException.fromStatus("p", 429, Duration.ofSeconds(60), ""), max)).isFalse();
        assertThat(ProviderGuards.retryable(ProviderException.fromStatus("p", 400, null, ""), max)).isFalse();
        assertThat(ProviderGuards.retryable(ProviderException.fromStatus("p", 401, null, ""), max)).isFalse();
        assertThat(ProviderGuards.retryable(ProviderException.timeout("p", "slow"), max)).isFalse();
    }
}
