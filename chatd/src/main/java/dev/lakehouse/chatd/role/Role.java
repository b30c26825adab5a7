package dev.lakehouse.chatd.role;

import dev.lakehouse.chatd.model.ModelRef;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A named task profile (DESIGN 6).
 *
 * @param systemPrompt prepended to every conversation of the role, or null
 * @param chain providers and models tried in order when the client names no model; empty means the
 *     first model of every enabled provider
 * @param providers providers the role may use when the client names a model; empty means all
 * @param maxAttempts provider calls per chat call, retries, re-asks and fallbacks included
 * @param markers strings that identify this role's outputs; in another role's output they are bleed
 * @param shapeKeys top-level keys that identify a fill role's JSON output, for contract-shape bleed;
 *     empty means any JSON object has this role's shape
 * @param bleedCheck whether this role's outputs are checked for other roles' bleed
 */
public record Role(
        String name,
        String description,
        @Nullable String systemPrompt,
        List<ModelRef> chain,
        Set<String> providers,
        Contract contract,
        InvalidPolicy onInvalid,
        int maxAttempts,
        List<String> markers,
        List<String> shapeKeys,
        boolean bleedCheck) {

    public static final String DEFAULT = "default";

    public Role {
        chain = List.copyOf(chain);
        providers = Set.copyOf(providers);
        markers = List.copyOf(markers);
        shapeKeys = List.copyOf(shapeKeys);
    }

    public boolean allowsProvider(String provider) {
        return providers.isEmpty() || providers.contains(provider);
    }

    /** The built-in default: free text, no system prompt, every provider, flag what looks wrong. */
    public static Role builtInDefault() {
        return new Role(DEFAULT, "Any chat: no system prompt, free text.", null, List.of(), Set.of(), Contract.TEXT,
                InvalidPolicy.FLAG, 3, List.of(), List.of(), false);
    }
}
