package dev.lakehouse.chatd.provider;

import dev.lakehouse.chatd.provider.anthropic.AnthropicClient;
import dev.lakehouse.chatd.provider.gemini.GeminiClient;
import dev.lakehouse.chatd.provider.ollama.OllamaClient;
import dev.lakehouse.chatd.provider.openai.OpenAiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds each provider's client from its settings: its own HTTP client, base URL and key header
 * (Bearer for OpenAI, OpenRouter and a proxied Ollama; {@code x-api-key} for Anthropic;
 * {@code x-goog-api-key} for Gemini), plus the configured extra headers.
 */
public final class ProviderFactory {

    /** The environment variable holding each provider's key (DESIGN 8a). */
    public static final Map<String, String> KEY_VARIABLES = Map.of("openai", "OPENAI_API_KEY", "anthropic",
            "ANTHROPIC_API_KEY", "gemini", "GEMINI_API_KEY", "openrouter", "OPENROUTER_API_KEY");
    private static final Set<String> NEED_KEY = KEY_VARIABLES.keySet();

    private final JsonMapper json;
    private final IdleWatchdog watchdog;
    private final SecretRedactor redactor;

    public ProviderFactory(JsonMapper json, IdleWatchdog watchdog, SecretRedactor redactor) {
        this.json = json;
        this.watchdog = watchdog;
        this.redactor = redactor;
    }

    /** Why the provider cannot be used, or null when it can. */
    public static String disabledReason(String name, ProviderSettings settings) {
        if (!settings.enabled()) {
            return "switched off (lakehouse.chatd.providers." + name + ".enabled=false)";
        }
        if (NEED_KEY.contains(name) && !settings.hasKey()) {
            return KEY_VARIABLES.get(name) + " is not set";
        }
        return null;
    }

    public ProviderClient create(String name, ProviderSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        String key = settings.hasKey() ? settings.apiKey().strip() : null;
        switch (name) {
            case "anthropic" -> headers.put("x-api-key", key);
            case "gemini" -> headers.put("x-goog-api-key", key);
            default -> {
                if (key != null) {
                    headers.put("Authorization", "Bearer " + key);
                }
            }
        }
        UpstreamHttp http = new UpstreamHttp(name, settings, headers, json, redactor);
        return switch (name) {
            case "ollama" -> new OllamaClient(http, watchdog, settings);
            case "anthropic" -> new AnthropicClient(http, watchdog, settings);
            case "gemini" -> new GeminiClient(http, watchdog, settings);
            case "openai", "openrouter" -> new OpenAiClient(name, http, watchdog, settings);
            default -> throw new IllegalArgumentException("unknown provider " + name);
        };
    }
}
