package dev.lakehouse.chatd.gate;

import dev.lakehouse.chatd.ChatdProperties;
import dev.lakehouse.chatd.role.Contract;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.chatd.role.RoleRegistry;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second half of the cross-role gate (DESIGN 6): does an output look like another role's?
 * Three signals, each a violation: another role's marker in the output
 * ({@code gate.bleed.marker}); a share of another role's system prompt n-grams found in the output
 * at or above the threshold ({@code gate.bleed.prompt_overlap}), n-grams the role shares with that
 * prompt excepted; an output with the shape of another role's contract while not having its own
 * ({@code gate.bleed.contract_shape}).
 */
public final class BleedDetector {

    public static final String MARKER = "gate.bleed.marker";
    public static final String PROMPT_OVERLAP = "gate.bleed.prompt_overlap";
    public static final String CONTRACT_SHAPE = "gate.bleed.contract_shape";
    private static final List<String> EMAIL_KEYS = List.of("to", "subject", "body");

    private final RoleRegistry roles;
    private final JsonMapper json;
    private final int n;
    private final double threshold;
    private final Map<String, Set<String>> promptGrams = new HashMap<>();

    public BleedDetector(RoleRegistry roles, JsonMapper json, ChatdProperties.Gate gate) {
        this.roles = roles;
        this.json = json;
        this.n = Math.max(1, gate.ngramSize());
        this.threshold = gate.promptOverlapThreshold();
        for (Role role : roles.all()) {
            if (role.systemPrompt() != null) {
                promptGrams.put(role.name(), ngrams(role.systemPrompt(), n));
            }
        }
    }

    /** Bleed violations of {@code output} for {@code role}; empty when clean or when the role is not checked. */
    public List<Violation> inspect(Role role, String output) {
        if (!role.bleedCheck() || output.isBlank()) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        String lower = output.toLowerCase(Locale.ROOT);
        Set<String> outputGrams = null;
        JsonNode object = jsonObject(output);
        boolean ownShape = object != null && hasShape(role, object);
        for (Role other : roles.all()) {
            if (other.name().equals(role.name())) {
                continue;
            }
            for (String marker : other.markers()) {
                if (!role.markers().contains(marker) && lower.contains(marker.toLowerCase(Locale.ROOT))) {
                    found.add(Violation.error(MARKER, "", "the output carries marker '" + marker + "' of role '"
                            + other.name() + "'"));
                }
            }
            Set<String> grams = promptGrams.get(other.name());
            if (grams != null && !grams.isEmpty()) {
                if (outputGrams == null) {
                    outputGrams = ngrams(output, n);
                }
                double overlap = overlap(grams, outputGrams, promptGrams.getOrDefault(role.name(), Set.of()));
                if (overlap >= threshold) {
                    found.add(Violation.error(PROMPT_OVERLAP, "", "the output repeats %.0f%% of role '%s''s system prompt"
                            .formatted(overlap * 100, other.name())));
                }
            }
            if (object != null && !ownShape && other.contract().kind() != Contract.Kind.TEXT && hasShape(other, object)) {
                found.add(Violation.error(CONTRACT_SHAPE, "", "the output has the shape of role '" + other.name()
                        + "''s contract " + other.contract()));
            }
        }
        return found;
    }

    private static double overlap(Set<String> prompt, Set<String> output, Set<String> own) {
        int considered = 0;
        int shared = 0;
        for (String gram : prompt) {
            if (own.contains(gram)) {
                continue;
            }
            considered++;
            if (output.contains(gram)) {
                shared++;
            }
        }
        return considered == 0 ? 0 : (double) shared / considered;
    }

    /** Word n-grams of lower-cased letters and digits; a text shorter than n words is one gram. */
    static Set<String> ngrams(String text, int n) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        Set<String> grams = new HashSet<>();
        if (words.length == 1 && words[0].isEmpty()) {
            return grams;
        }
        if (words.length < n) {
            grams.add(String.join(" ", words));
            return grams;
        }
        for (int i = 0; i + n <= words.length; i++) {
            grams.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)));
        }
        return grams;
    }

    private static boolean hasShape(Role role, JsonNode object) {
        return switch (role.contract().kind()) {
            case TEXT -> false;
            case EMAIL -> EMAIL_KEYS.stream().allMatch(object::has);
            case FILL -> role.shapeKeys().isEmpty() ? !EMAIL_KEYS.stream().allMatch(object::has)
                    : role.shapeKeys().stream().allMatch(object::has);
        };
    }

    /** The output as a JSON object, accepting one surrounding Markdown code fence; null when it is not one. */
    private @Nullable JsonNode jsonObject(String output) {
        String text = output.strip();
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            int closing = text.lastIndexOf("```");
            if (firstLine < 0 || closing <= firstLine) {
                return null;
            }
            text = text.substring(firstLine + 1, closing).strip();
        }
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
