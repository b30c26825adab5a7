package dev.lakehouse.validated.fill.grounding;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The source a fill was extracted from, indexed once per validation: its words (compatibility-
 * and case-folded, accents removed, punctuation as spaces) and every number, date and time it
 * mentions in any common notation.
 */
public final class SourceText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String words;
    private final Set<BigDecimal> numbers;
    private final Set<LocalDate> dates = new HashSet<>();
    private final Set<MonthDay> monthDays = new HashSet<>();
    private final Set<LocalTime> times = new HashSet<>();

    public SourceText(String source) {
        String folded = Normalizer.normalize(source, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        this.words = " " + normaliseWords(folded) + " ";
        this.numbers = Numbers.in(folded, wordSet(words));
        Dates.collect(folded, dates, monthDays, times);
    }

    /** Lower-case words without accents, separated by single spaces. */
    static String normaliseWords(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether the words of {@code value} appear in the source, in order and as whole words. */
    public boolean containsWords(String value) {
        String needle = normaliseWords(value);
        return needle.isEmpty() || words.contains(" " + needle + " ");
    }

    public boolean containsNumber(BigDecimal value) {
        return numbers.contains(Numbers.canonical(value));
    }

    /** Whether {@code token} read as a number in any notation is a number of the source. */
    public boolean containsNumber(String token) {
        return Numbers.readings(token, false).stream().anyMatch(numbers::contains);
    }

    public boolean containsDate(LocalDate date) {
        return dates.contains(date) || monthDays.contains(MonthDay.from(date));
    }

    public boolean containsTime(LocalTime time) {
        return times.contains(time.withSecond(0).withNano(0));
    }

    private static Set<String> wordSet(String words) {
        Set<String> set = new LinkedHashSet<>();
        String[] split = words.strip().split(" ");
        for (int i = 0; i < split.length; i++) {
            set.add(split[i]);
            if (i + 1 < split.length) {
                set.add(split[i] + " " + split[i + 1]);
            }
            if (i + 2 < split.length) {
                set.add(split[i] + " " + split[i + 1] + " " + split[i + 2]);
            }
        }
        return set;
    }
}
