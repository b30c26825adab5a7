package dev.lakehouse.validated.fill.grounding;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.Located;
import dev.lakehouse.validated.verdict.PointerPattern;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks that grounded values of a fill are supported by the source text: numbers by value,
 * dates and times by calendar and clock, date-times by both parts, anything else by its words.
 * Booleans and nulls cannot be grounded and are skipped; arrays are checked element by element.
 * A value that already has an error (a bad format, a placeholder) is not reported again.
 */
public final class Grounding {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2})(?::\\d{2}(?:\\.\\d+)?)?"
            + "(?:[Zz]|[+-]\\d{2}:\\d{2})?");
    private static final Pattern NUMERIC = Pattern.compile("[+-]?\\d[\\d.,'\u2019\u00A0\u202F]*");
    private static final int MAX_SHOWN = 60;

    private Grounding() {
    }

    public static void check(List<PointerPattern> grounded, JsonNode fill, @Nullable String source, Findings findings) {
        if (grounded.isEmpty()) {
            return;
        }
        if (source == null || source.isBlank()) {
            findings.info("fill.grounding.no_source", "", "the contract grounds " + grounded.size()
                    + " field(s) in a source text, but the request has no context.source; grounding was skipped");
            return;
        }
        SourceText text = new SourceText(source);
        for (PointerPattern pattern : grounded) {
            for (Located located : pattern.resolve(fill)) {
                checkValue(located.pointer(), located.node(), text, findings);
            }
        }
    }

    private static void checkValue(String pointer, JsonNode value, SourceText source, Findings findings) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(pointer + "/" + i, value.get(i), source, findings);
            }
            return;
        }
        if (!findings.hasErrorAt(pointer) && !supported(value, source)) {
            String shown = value.isString() ? value.asString() : value.toString();
            findings.error("fill.grounding.unsupported", pointer, "'" + abbreviate(shown) + "' is not found in the source text");
        }
    }

    static boolean supported(JsonNode value, SourceText source) {
        if (value.isNumber()) {
            return source.containsNumber(value.decimalValue());
        }
        if (!value.isString()) {
            return true;
        }
        String text = value.asString().strip();
        try {
            if (DATE.matcher(text).matches()) {
                return source.containsDate(LocalDate.parse(text)) || source.containsWords(text);
            }
            if (TIME.matcher(text).matches()) {
                return source.containsTime(LocalTime.parse(text)) || source.containsWords(text);
            }
            var dateTime = DATE_TIME.matcher(text);
            if (dateTime.matches()) {
                return source.containsDate(LocalDate.parse(dateTime.group(1)))
                        && source.containsTime(LocalTime.parse(dateTime.group(2)));
            }
        } catch (DateTimeParseException e) {
            return source.containsWords(text);
        }
        if (NUMERIC.matcher(text).matches()) {
            return source.containsNumber(text.replaceFirst("^[+-]", ""));
        }
        return source.containsWords(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }
}
