package dev.lakehouse.validated.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An RFC 6901 JSON Pointer in which a reference token {@code *} stands for every element of an
 * array (or every member of an object): {@code /workers/*}{@code /name}. A member literally named
 * "*" cannot be addressed, which no contract needs.
 */
public final class PointerPattern {

    private static final String WILDCARD = "*";

    private final String text;
    private final List<String> tokens;

    private PointerPattern(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static PointerPattern parse(String text) {
        if (!JsonPointers.isValid(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a JSON Pointer (RFC 6901): it must be \"\" or start with"
                    + " '/', and '~' must be followed by 0 or 1");
        }
        return new PointerPattern(text, tokensOf(text));
    }

    public boolean hasWildcard() {
        return tokens.contains(WILDCARD);
    }

    /** Every value the pattern addresses in {@code root}, in document order; absent ones are skipped. */
    public List<Located> resolve(JsonNode root) {
        List<Located> found = new ArrayList<>(1);
        resolve(root, "", 0, found);
        return found;
    }

    /** The single value addressed by a pattern without wildcards, or a missing node. */
    public JsonNode at(JsonNode root) {
        JsonNode node = root;
        for (String token : tokens) {
            node = node.isArray() ? indexed(node, token) : node.path(token);
            if (node.isMissingNode()) {
                return node;
            }
        }
        return node;
    }

    /** Whether the concrete pointer {@code pointer} is one this pattern addresses. */
    public boolean matches(String pointer) {
        List<String> concrete = tokensOf(pointer);
        if (concrete.size() != tokens.size()) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals(WILDCARD) && !tokens.get(i).equals(concrete.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void resolve(JsonNode node, String pointer, int depth, List<Located> found) {
        if (depth == tokens.size()) {
            found.add(new Located(pointer, node));
            return;
        }
        String token = tokens.get(depth);
        if (token.equals(WILDCARD)) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    resolve(node.get(i), JsonPointers.index(pointer, i), depth + 1, found);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    resolve(member.getValue(), JsonPointers.child(pointer, member.getKey()), depth + 1, found);
                }
            }
            return;
        }
        JsonNode next = node.isArray() ? indexed(node, token) : node.path(token);
        if (!next.isMissingNode()) {
            resolve(next, JsonPointers.child(pointer, token), depth + 1, found);
        }
    }

    private static JsonNode indexed(JsonNode array, String token) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)
                || (token.length() > 1 && token.charAt(0) == '0')) {
            return array.path(token);
        }
        return array.path(Integer.parseInt(token));
    }

    private static List<String> tokensOf(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(JsonPointers.unescape(raw));
        }
        return List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PointerPattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
