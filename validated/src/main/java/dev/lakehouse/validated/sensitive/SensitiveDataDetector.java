package dev.lakehouse.validated.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers and national identity numbers in a text, in order of appearance.
 * National-id patterns are configured by name (see {@code lakehouse.validated.sensitive.national-ids}).
 */
public final class SensitiveDataDetector {

    private final Map<String, Pattern> nationalIds;

    public SensitiveDataDetector(Map<String, String> nationalIdPatterns) {
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        nationalIdPatterns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> compiled.put(entry.getKey(), Pattern.compile(entry.getValue())));
        this.nationalIds = compiled;
    }

    public List<SensitiveMatch> cardNumbers(String text) {
        return hasDigits(text, 13) ? CardNumbers.find(text) : List.of();
    }

    public List<SensitiveMatch> nationalIds(String text) {
        if (nationalIds.isEmpty() || !hasDigits(text, 4)) {
            return List.of();
        }
        List<SensitiveMatch> found = new ArrayList<>(0);
        for (Map.Entry<String, Pattern> entry : nationalIds.entrySet()) {
            Matcher matcher = entry.getValue().matcher(text);
            while (matcher.find()) {
                found.add(SensitiveMatch.of(entry.getKey(), matcher.group(), matcher.start()));
            }
        }
        found.sort(Comparator.comparingInt(SensitiveMatch::offset));
        return found;
    }

    /** The configured national-id patterns by name, for {@code GET /v1/validators}. */
    public Map<String, String> nationalIdPatterns() {
        Map<String, String> patterns = new LinkedHashMap<>();
        nationalIds.forEach((name, pattern) -> patterns.put(name, pattern.pattern()));
        return patterns;
    }

    private static boolean hasDigits(String text, int atLeast) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++count >= atLeast) {
                return true;
            }
        }
        return false;
    }
}
