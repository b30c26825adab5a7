package dev.lakehouse.chatd.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The five external providers (DESIGN 8a names their environment variables; application.properties
 * maps them). Ollama needs no key; the others are disabled without one.
 *
 * @param discoveryInterval how often Ollama is asked for its models ({@code /api/tags}) in the background
 */
@ConfigurationProperties("lakehouse.chatd.providers")
public record ProvidersProperties(
        ProviderSettings ollama,
        ProviderSettings openai,
        ProviderSettings anthropic,
        ProviderSettings gemini,
        ProviderSettings openrouter,
        @DefaultValue("30s") Duration discoveryInterval) {

    /** The providers in their default fallback order. */
    public Map<String, ProviderSettings> byName() {
        Map<String, ProviderSettings> all = new LinkedHashMap<>();
        all.put("ollama", ollama);
        all.put("openai", openai);
        all.put("anthropic", anthropic);
        all.put("gemini", gemini);
        all.put("openrouter", openrouter);
        return all;
    }
}
