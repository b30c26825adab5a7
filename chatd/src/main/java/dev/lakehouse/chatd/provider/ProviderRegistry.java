package dev.lakehouse.chatd.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The providers chatd knows, in fallback order, each enabled with its client or disabled with
 * the reason (no key, switched off), and the models each offers.
 */
public final class ProviderRegistry {

    /** Every provider name a model or a chain entry may use. */
    public static final Set<String> KNOWN = Set.of("ollama", "openai", "anthropic", "gemini", "openrouter", "replay");

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One provider: its client when enabled, why not otherwise, and the models it offers right now. */
    public record Entry(String name, @Nullable ProviderClient client, @Nullable String disabledReason,
            Supplier<List<String>> models) {

        public boolean enabled() {
            return client != null;
        }
    }

    public void enable(String name, ProviderClient client, Supplier<List<String>> models) {
        entries.put(name, new Entry(name, client, null, models));
    }

    public void disable(String name, String reason) {
        entries.put(name, new Entry(name, null, reason, List::of));
    }

    public @Nullable Entry entry(String name) {
        return entries.get(name);
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public List<Entry> enabled() {
        List<Entry> enabled = new ArrayList<>();
        entries.values().stream().filter(Entry::enabled).forEach(enabled::add);
        return enabled;
    }
}
