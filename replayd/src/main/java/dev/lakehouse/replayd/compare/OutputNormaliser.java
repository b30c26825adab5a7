package dev.lakehouse.replayd.compare;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether two outputs are the same answer written the same way. Both are JSON (an
 * email draft, a fill; a fenced {@code ```json} block counts): equal when their values are
 * equal, whatever the key order, spacing or number spelling. Otherwise text: equal after
 * Unicode NFKC, with every run of white space one space and the ends trimmed. Case is kept:
 * a changed case is a changed answer.
 */
public final class OutputNormaliser {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FENCE = Pattern.compile("\\A\\s*```[A-Za-z0-9_-]*\\s*\\n(.*?)\\n\\s*```\\s*\\z", Pattern.DOTALL);

    private final JsonMapper json;

    public OutputNormaliser(JsonMapper json) {
        this.json = json;
    }

    public boolean sameAnswer(String original, String target) {
        JsonNode a = structured(original);
        JsonNode b = structured(target);
        if (a != null && b != null) {
            return equalValues(a, b);
        }
        return text(original).equals(text(target));
    }

    static String text(String output) {
        return WHITESPACE.matcher(Normalizer.normalize(output, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    private @Nullable JsonNode structured(String output) {
        Matcher fenced = FENCE.matcher(output);
        String candidate = (fenced.matches() ? fenced.group(1) : output).strip();
        if (!(candidate.startsWith("{") || candidate.startsWith("["))) {
            return null;
        }
        try {
            return json.readTree(candidate);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Object members compare as sets of names; numbers by value (1 equals 1.0); strings after NFKC. */
    private static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isString() && b.isString()) {
            return Normalizer.normalize(a.asString(), Normalizer.Form.NFKC)
                    .equals(Normalizer.normalize(b.asString(), Normalizer.Form.NFKC));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (String name : a.propertyNames()) {
                if (!b.has(name) || !equalValues(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equalValues(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
