package dev.lakehouse.chatd.provider;

import dev.lakehouse.chatd.dispatch.ProviderGuard;
import dev.lakehouse.chatd.dispatch.ProviderGuards;
import dev.lakehouse.chatd.provider.ollama.OllamaTags;
import dev.lakehouse.chatd.provider.replay.CassetteProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code providers} health component: each provider's state ({@code up}, {@code disabled},
 * {@code down}, {@code empty} for a replay provider without recordings) and why. It always reports
 * UP: a missing provider is the embedded default (DESIGN 8), not a reason to take chatd out of
 * service; the details say what works.
 */
public final class ProvidersHealthIndicator implements HealthIndicator {

    private final ProviderRegistry registry;
    private final ProviderGuards guards;
    private final @Nullable OllamaTags ollama;
    private final @Nullable CassetteProvider replay;

    public ProvidersHealthIndicator(ProviderRegistry registry, ProviderGuards guards, @Nullable OllamaTags ollama,
            @Nullable CassetteProvider replay) {
        this.registry = registry;
        this.guards = guards;
        this.ollama = ollama;
        this.replay = replay;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        int usable = 0;
        for (ProviderRegistry.Entry entry : registry.entries()) {
            Map<String, Object> details = details(entry);
            if ("up".equals(details.get("state"))) {
                usable++;
            }
            health.withDetail(entry.name(), details);
        }
        return health.withDetail("usable", usable).build();
    }

    private Map<String, Object> details(ProviderRegistry.Entry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (!entry.enabled()) {
            details.put("state", "disabled");
            details.put("reason", entry.disabledReason());
            return details;
        }
        details.put("state", "up");
        ProviderGuard guard = guards.guard(entry.name());
        if (guard != null) {
            CircuitBreaker.State state = guard.breaker().getState();
            details.put("breaker", state.name().toLowerCase(java.util.Locale.ROOT));
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                details.put("state", "down");
                details.put("reason", "circuit breaker open after repeated failures");
            }
        }
        if ("ollama".equals(entry.name()) && ollama != null) {
            ollamaDetails(details);
        }
        if (CassetteProvider.NAME.equals(entry.name()) && replay != null) {
            replayDetails(details);
        }
        details.put("models", entry.models().get());
        return details;
    }

    private void ollamaDetails(Map<String, Object> details) {
        if (ollama.failure() != null) {
            details.put("state", "down");
            details.put("reason", ollama.failure());
        }
        if (ollama.checkedAt() != null) {
            details.put("checkedAt", ollama.checkedAt().toString());
        }
    }

    private void replayDetails(Map<String, Object> details) {
        int recordings = replay.index().size();
        details.put("recordings", recordings);
        details.put("hits", replay.hits());
        details.put("misses", replay.misses());
        details.put("evicted", replay.index().evicted());
        if (replay.index().lastRefresh() != null) {
            details.put("indexedAt", replay.index().lastRefresh().toString());
        }
        if (replay.lastMiss() != null) {
            details.put("lastMiss", "no recording for request hash " + replay.lastMiss().substring(0, 16));
        }
        if (replay.index().lastError() != null) {
            details.put("state", "down");
            details.put("reason", replay.index().lastError());
        } else if (recordings == 0) {
            details.put("state", "empty");
            details.put("reason", "no recorded observations in " + replay.index().lakeDir().resolve("observations")
                    + " yet; replay answers 404 until there are");
        }
    }
}
