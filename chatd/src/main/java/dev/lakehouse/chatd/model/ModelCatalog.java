package dev.lakehouse.chatd.model;

import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.dispatch.Candidate;
import dev.lakehouse.chatd.provider.ProviderRegistry;
import dev.lakehouse.chatd.provider.replay.CassetteProvider;
import dev.lakehouse.chatd.role.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Turns the model a client asked for into the chain a call walks: {@code provider/model} as
 * named, a bare name looked up among the models the enabled providers offer, or the role's chain
 * when none is named. Also lists the models for {@code GET /v1/models}.
 */
public final class ModelCatalog {

    private static final int MAX_NAMED = 40;

    private final ProviderRegistry providers;

    public ModelCatalog(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** The candidates for a call. */
    public List<Candidate> candidates(Role role, @Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return chain(role);
        }
        ModelRef ref = ModelRef.split(requested).filter(split -> ProviderRegistry.KNOWN.contains(split.provider()))
                .orElseGet(() -> lookup(requested));
        ProviderRegistry.Entry entry = providers.entry(ref.provider());
        if (entry == null || !entry.enabled()) {
            throw ChatException.notFound("model_not_found", "provider '" + ref.provider() + "' is disabled"
                    + (entry == null ? "" : " (" + entry.disabledReason() + ")") + "; available: " + available(), "model");
        }
        if (!role.allowsProvider(ref.provider())) {
            throw ChatException.forbidden("provider_not_allowed", "role '" + role.name() + "' may not use provider '"
                    + ref.provider() + "' (allowed: " + String.join(", ", role.providers()) + ")");
        }
        return List.of(new Candidate(ref, true));
    }

    /** Every model on offer, by provider, for {@code GET /v1/models}. */
    public Map<String, List<String>> offered() {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (ProviderRegistry.Entry entry : providers.enabled()) {
            offered.put(entry.name(), entry.models().get());
        }
        return offered;
    }

    /** Why each disabled provider is off, for {@code GET /v1/models} and error messages. */
    public Map<String, String> unavailable() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ProviderRegistry.Entry entry : providers.entries()) {
            if (!entry.enabled()) {
                reasons.put(entry.name(), entry.disabledReason());
            }
        }
        return reasons;
    }

    private List<Candidate> chain(Role role) {
        List<Candidate> chain = new ArrayList<>();
        List<ModelRef> configured = role.chain().isEmpty() ? defaults() : role.chain();
        for (ModelRef ref : configured) {
            ProviderRegistry.Entry entry = providers.entry(ref.provider());
            if (entry != null && entry.enabled()) {
                chain.add(new Candidate(ref, false));
            }
        }
        if (chain.isEmpty()) {
            throw ChatException.of(HttpStatus.SERVICE_UNAVAILABLE, ChatError.Type.UPSTREAM, "no_provider",
                    "no provider of role '" + role.name() + "' is available: chain " + configured + "; " + describe(unavailable()), null);
        }
        return chain;
    }

    /** A role without a chain: the first model of every enabled provider, the replay provider aside. */
    private List<ModelRef> defaults() {
        List<ModelRef> defaults = new ArrayList<>();
        for (ProviderRegistry.Entry entry : providers.enabled()) {
            List<String> models = entry.models().get();
            if (!CassetteProvider.NAME.equals(entry.name()) && !models.isEmpty()) {
                defaults.add(new ModelRef(entry.name(), models.getFirst()));
            }
        }
        return defaults;
    }

    private ModelRef lookup(String name) {
        for (ProviderRegistry.Entry entry : providers.enabled()) {
            for (String model : entry.models().get()) {
                // Ollama names a model without a tag as ":latest".
                if (model.equals(name) || model.equals(name + ":latest")) {
                    return new ModelRef(entry.name(), model);
                }
            }
        }
        throw ChatException.notFound("model_not_found", "model '" + name + "' is not offered by any enabled provider;"
                + " available: " + available() + " (any other model can be named as provider/model)", "model");
    }

    private String available() {
        List<String> names = new ArrayList<>();
        offered().forEach((provider, models) -> models.forEach(model -> names.add(provider + "/" + model)));
        if (names.isEmpty()) {
            return "none (" + describe(unavailable()) + ")";
        }
        return names.size() <= MAX_NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, MAX_NAMED)) + " and " + (names.size() - MAX_NAMED) + " more";
    }

    private static String describe(Map<String, String> reasons) {
        List<String> parts = new ArrayList<>();
        reasons.forEach((provider, reason) -> parts.add(provider + ": " + reason));
        return parts.isEmpty() ? "every provider is enabled" : String.join("; ", parts);
    }
}
