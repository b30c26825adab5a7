package dev.lakehouse.validated.fill.grounding;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people write them: "1,250.00", "1.250,00", "1 250", "14.50", "12", "twelve".
 * A token whose separators are ambiguous yields every reading ("1,250" is 1250 or 1.25); a
 * separator followed by exactly three digits may group thousands, any other is a decimal mark.
 */
final class Numbers {

    private static final Pattern TOKEN = Pattern.compile("\\d+(?:[.,'\u2019\u00A0\u202F]\\d+)*");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100), Map.entry("dozen", 12), Map.entry("a dozen", 12), Map.entry("half a dozen", 6));

    private Numbers() {
    }

    /** Every number {@code text} mentions, each in its canonical form ({@link #canonical}). */
    static Set<BigDecimal> in(String text, Set<String> words) {
        Set<BigDecimal> numbers = new HashSet<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            numbers.addAll(readings(matcher.group(), true));
        }
        for (String word : words) {
            Integer value = WORDS.get(word);
            if (value != null) {
                numbers.add(BigDecimal.valueOf(value));
            }
        }
        return numbers;
    }

    /**
     * Every reading of one token. In a source, its digit runs alone count too ("3.3.2026"
     * mentions 3 and 2026); a value is read whole only.
     */
    static Set<BigDecimal> readings(String token, boolean withRuns) {
        Set<BigDecimal> readings = new HashSet<>();
        for (String run : withRuns ? token.split("[^0-9]+") : new String[0]) {
            if (!run.isEmpty()) {
                readings.add(canonical(new BigDecimal(run)));
            }
        }
        String groupsOnly = token.replaceAll("[^0-9]", "");
        if (allGroupsOfThree(token, token.length())) {
            readings.add(canonical(new BigDecimal(groupsOnly)));
        }
        int lastSeparator = lastSeparator(token);
        if (lastSeparator > 0 && (token.charAt(lastSeparator) == '.' || token.charAt(lastSeparator) == ',')
                && allGroupsOfThree(token, lastSeparator)) {
            String integer = token.substring(0, lastSeparator).replaceAll("[^0-9]", "");
            readings.add(canonical(new BigDecimal(integer + "." + token.substring(lastSeparator + 1))));
        }
        return readings;
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.abs().stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether every separator before {@code end} is followed by exactly three digits (thousands grouping). */
    private static boolean allGroupsOfThree(String token, int end) {
        int digits = 0;
        boolean first = true;
        for (int i = 0; i < end; i++) {
            if (Character.isDigit(token.charAt(i))) {
                digits++;
                continue;
            }
            if ((!first && digits != 3) || (first && digits > 3)) {
                return false;
            }
            first = false;
            digits = 0;
        }
        return first || digits == 3;
    }

    private static int lastSeparator(String token) {
        for (int i = token.length() - 1; i >= 0; i--) {
            if (!Character.isDigit(token.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
