package dev.lakehouse.chatd.fakes;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.IdleWatchdog;
import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderFactory;
import dev.lakehouse.chatd.provider.ProviderRequest;
import dev.lakehouse.chatd.provider.ProviderSettings;
import dev.lakehouse.chatd.provider.SecretRedactor;
import dev.lakehouse.schemas.observation.Params;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Provider clients built as chatd builds them, pointed at a fake server, for tests without Spring. */
public final class Clients {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IdleWatchdog WATCHDOG = new IdleWatchdog(Duration.ofMillis(50));

    private Clients() {
    }

    public static ProviderSettings settings(String url, String key, Map<String, String> headers, Duration idleTimeout,
            Duration timeout) {
        return new ProviderSettings(true, URI.create(url), key, List.of("model-a"), headers, Duration.ofSeconds(2),
                timeout, idleTimeout, 1024, new ProviderSettings.ResilienceSettings(3,
                        Duration.ofMillis(10), 2.0, Duration.ofSeconds(10), 50, 20, 10, Duration.ofSeconds(30), 8));
    }

    public static ProviderClient create(String provider, String url, String key) {
        return create(provider, url, key, Map.of(), Duration.ofSeconds(5));
    }

    public static ProviderClient create(String provider, String url, String key, Map<String, String> headers,
            Duration idleTimeout) {
        return create(provider, url, key, headers, idleTimeout, Duration.ofSeconds(5));
    }

    public static ProviderClient create(String provider, String url, String key, Map<String, String> headers,
            Duration idleTimeout, Duration timeout) {
        ProviderSettings settings = settings(url, key, headers, idleTimeout, timeout);
        return new ProviderFactory(JSON, WATCHDOG, new SecretRedactor(List.of(key))).create(provider, settings);
    }

    public static ProviderRequest request(String model, String system, String user) {
        return new ProviderRequest(model, List.of(Message.of("system", system), Message.of("user", user)),
                new Params(0.2, null, 100, List.of("END"), null, null), null, null);
    }
}
