package dev.lakehouse.chatd.provider;

import dev.lakehouse.chatd.dispatch.ProviderGuards;
import dev.lakehouse.chatd.provider.ollama.OllamaClient;
import dev.lakehouse.chatd.provider.ollama.OllamaTags;
import dev.lakehouse.chatd.provider.replay.CassetteProvider;
import dev.lakehouse.chatd.provider.replay.ReplayProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers at run time: the registry built from the settings (each enabled one with its
 * guard), and the background refreshes (Ollama's models, the replay index), started here and
 * stopped on close.
 */
public final class Providers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Providers.class);

    private final ProviderRegistry registry;
    private final @Nullable OllamaTags ollamaTags;
    private final ScheduledExecutorService scheduler;

    private Providers(ProviderRegistry registry, @Nullable OllamaTags ollamaTags, ScheduledExecutorService scheduler) {
        this.registry = registry;
        this.ollamaTags = ollamaTags;
        this.scheduler = scheduler;
    }

    public static Providers start(ProvidersProperties properties, ReplayProperties replay, JsonMapper json,
            IdleWatchdog watchdog, SecretRedactor redactor, ProviderGuards guards, CassetteProvider cassette) {
        ProviderFactory factory = new ProviderFactory(json, watchdog, redactor);
        ProviderRegistry registry = new ProviderRegistry();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chatd-refresh").daemon(true).factory());
        OllamaTags tags = null;
        for (Map.Entry<String, ProviderSettings> entry : properties.byName().entrySet()) {
            String name = entry.getKey();
            ProviderSettings settings = entry.getValue();
            String disabled = ProviderFactory.disabledReason(name, settings);
            if (disabled != null) {
                registry.disable(name, disabled);
                log.info("provider {} disabled: {}", name, disabled);
                continue;
            }
            ProviderClient client = factory.create(name, settings);
            guards.register(name, settings);
            if (client instanceof OllamaClient ollama) {
                OllamaTags discovered = new OllamaTags(ollama);
                tags = discovered;
                registry.enable(name, client, () -> union(settings.models(), discovered.models()));
                long every = Math.max(1, properties.discoveryInterval().toMillis());
                scheduler.scheduleWithFixedDelay(discovered::refresh, 0, every, TimeUnit.MILLISECONDS);
            } else {
                registry.enable(name, client, settings::models);
            }
            log.info("provider {} enabled at {}", name, settings.baseUrl());
        }
        if (replay.enabled()) {
            registry.enable(CassetteProvider.NAME, cassette, () -> List.of("cassette"));
            guards.register(CassetteProvider.NAME, replaySettings());
            long every = Math.max(1, replay.refreshInterval().toMillis());
            scheduler.scheduleWithFixedDelay(cassette.index()::refresh, 0, every, TimeUnit.MILLISECONDS);
        } else {
            registry.disable(CassetteProvider.NAME, "switched off (lakehouse.chatd.replay.enabled=false)");
        }
        return new Providers(registry, tags, scheduler);
    }

    /** The replay provider answers from memory: no retries, a generous bulkhead, a short time limit. */
    private static ProviderSettings replaySettings() {
        return new ProviderSettings(true, URI.create("lake:observations"), null, List.of("cassette"), Map.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), 4096,
                new ProviderSettings.ResilienceSettings(1, Duration.ZERO, 1.0, Duration.ZERO, 50, 20, 10,
                        Duration.ofSeconds(5), 1024));
    }

    private static List<String> union(List<String> configured, List<String> discovered) {
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(discovered);
        return new ArrayList<>(all);
    }

    public ProviderRegistry registry() {
        return registry;
    }

    public @Nullable OllamaTags ollamaTags() {
        return ollamaTags;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
