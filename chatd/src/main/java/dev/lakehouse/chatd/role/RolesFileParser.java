package dev.lakehouse.chatd.role;

import dev.lakehouse.chatd.model.ModelRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a roles file and checks all of it, collecting every problem with its path in the file
 * ({@code roles.email-writer.contract: ...}), so one start-up attempt shows everything to fix.
 */
public final class RolesFileParser {

    static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final int MAX_SYSTEM_PROMPT = 32 * 1024;
    static final int MAX_MARKERS = 32;
    static final int MAX_ATTEMPTS = 10;
    private static final Set<String> ROLE_KEYS = Set.of("description", "system-prompt", "chain", "providers",
            "contract", "on-invalid", "max-attempts", "markers", "shape-keys", "bleed-check");

    private final Set<String> knownProviders;
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final List<String> problems = new ArrayList<>();

    public RolesFileParser(Set<String> knownProviders) {
        this.knownProviders = knownProviders;
    }

    /** The roles of the file, in file order, with {@code default} added when the file has none. */
    public Map<String, Role> parse(String location, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JacksonException e) {
            throw new RolesFileException(location, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || !root.path("roles").isObject() || root.path("roles").isEmpty()) {
            throw new RolesFileException(location, List.of("a top-level 'roles' map with at least one role is required"));
        }
        root.propertyNames().stream().filter(key -> !key.equals("roles"))
                .forEach(key -> problems.add(key + ": unknown top-level key (only 'roles' is read)"));
        Map<String, Role> roles = new LinkedHashMap<>();
        root.path("roles").properties().forEach(entry -> {
            Role role = role(entry.getKey(), entry.getValue());
            if (role != null) {
                roles.put(role.name(), role);
            }
        });
        if (!problems.isEmpty()) {
            throw new RolesFileException(location, problems);
        }
        roles.putIfAbsent(Role.DEFAULT, Role.builtInDefault());
        return roles;
    }

    private @Nullable Role role(String name, JsonNode node) {
        String at = "roles." + name;
        int before = problems.size();
        if (!ROLE_NAME.matcher(name).matches()) {
            problems.add(at + ": a role name is 1-64 characters of a-z, 0-9 and '-', starting with a letter");
        }
        if (!node.isObject()) {
            problems.add(at + ": must be a map of role settings");
            return null;
        }
        node.propertyNames().stream().filter(key -> !ROLE_KEYS.contains(key))
                .forEach(key -> problems.add(at + "." + key + ": unknown key (known: " + String.join(", ", ROLE_KEYS.stream().sorted().toList()) + ")"));
        String systemPrompt = optionalText(node, "system-prompt", at);
        if (systemPrompt != null && systemPrompt.length() > MAX_SYSTEM_PROMPT) {
            problems.add(at + ".system-prompt: longer than " + MAX_SYSTEM_PROMPT + " characters");
        }
        List<ModelRef> chain = texts(node, "chain", at).stream().map(entry -> chainEntry(entry, at + ".chain")).toList();
        Set<String> providers = new LinkedHashSet<>(texts(node, "providers", at));
        providers.stream().filter(provider -> !knownProviders.contains(provider))
                .forEach(provider -> problems.add(at + ".providers: unknown provider '" + provider + "' (known: "
                        + String.join(", ", knownProviders) + ")"));
        Contract contract = contract(node, at);
        InvalidPolicy policy = policy(node, at, name);
        int maxAttempts = node.path("max-attempts").isMissingNode() ? 3 : node.path("max-attempts").asInt(-1);
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS || !node.path("max-attempts").isMissingNode()
                && !node.path("max-attempts").isInt()) {
            problems.add(at + ".max-attempts: must be a whole number from 1 to " + MAX_ATTEMPTS);
        }
        List<String> markers = texts(node, "markers", at);
        if (markers.size() > MAX_MARKERS || markers.stream().anyMatch(String::isBlank)) {
            problems.add(at + ".markers: at most " + MAX_MARKERS + " markers, none blank");
        }
        List<String> shapeKeys = texts(node, "shape-keys", at);
        boolean bleedCheck = node.path("bleed-check").asBoolean(!Role.DEFAULT.equals(name));
        if (problems.size() > before) {
            return null;
        }
        return new Role(name, optionalText(node, "description", at) == null ? "" : node.path("description").asString(),
                systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt.strip(), chain, providers,
                contract, policy, maxAttempts, markers, shapeKeys, bleedCheck);
    }

    private ModelRef chainEntry(String entry, String at) {
        ModelRef ref = ModelRef.split(entry).orElse(null);
        if (ref == null) {
            problems.add(at + ": '" + entry + "' is not provider/model");
            return new ModelRef("?", entry);
        }
        if (!knownProviders.contains(ref.provider())) {
            problems.add(at + ": unknown provider '" + ref.provider() + "' in '" + entry + "' (known: "
                    + String.join(", ", knownProviders) + ")");
        }
        return ref;
    }

    private Contract contract(JsonNode node, String at) {
        String name = node.path("contract").asString("text");
        try {
            return Contract.parse(name);
        } catch (IllegalArgumentException e) {
            problems.add(at + ".contract: " + e.getMessage());
            return Contract.TEXT;
        }
    }

    private InvalidPolicy policy(JsonNode node, String at, String name) {
        String text = node.path("on-invalid").asString(Role.DEFAULT.equals(name) ? "flag" : "reject");
        try {
            return InvalidPolicy.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + ".on-invalid: '" + text + "' is not one of reject, reask, fallback, flag");
            return InvalidPolicy.REJECT;
        }
    }

    private @Nullable String optionalText(JsonNode node, String key, String at) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(at + "." + key + ": must be text");
            return null;
        }
        return value.asString();
    }

    private List<String> texts(JsonNode node, String key, String at) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(at + "." + key + ": must be a list");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                problems.add(at + "." + key + ": every entry must be text");
            } else {
                texts.add(item.asString());
            }
        }
        return texts;
    }
}
