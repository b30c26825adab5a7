package dev.lakehouse.validated.sensitive;

/**
 * Sensitive data found in a text. The value itself is never kept: a verdict travels into logs
 * and the lake, so it only says what was found and shows the last characters.
 *
 * @param kind {@code card_number} or the name of the national-id pattern, e.g. {@code us-ssn}
 * @param masked the value with all but its last four characters replaced by {@code *}
 * @param offset index of the first character in the scanned text
 */
public record SensitiveMatch(String kind, String masked, int offset) {

    static SensitiveMatch of(String kind, String value, int offset) {
        int keep = Math.min(4, value.length());
        return new SensitiveMatch(kind, "*".repeat(value.length() - keep) + value.substring(value.length() - keep), offset);
    }
}
