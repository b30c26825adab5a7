package dev.lakehouse.validated.sensitive;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds payment card numbers: 13 to 19 digits, optionally grouped by single spaces or hyphens,
 * starting with a major-network digit (2-6, ISO/IEC 7812 industry identifiers of banking and
 * travel cards) and passing the Luhn check (ISO/IEC 7812-1 annex B). A longer digit run is an
 * account or tracking number, not a card, and is skipped whole.
 */
final class CardNumbers {

    static final String KIND = "card_number";
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    static List<SensitiveMatch> find(String text) {
        List<SensitiveMatch> found = new ArrayList<>(0);
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i)) || (i > 0 && (isDigit(text.charAt(i - 1)) || Character.isLetter(text.charAt(i - 1))))) {
                i++;
                continue;
            }
            int end = runEnd(text, i);
            String digits = digitsOf(text, i, end);
            if (digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && isCardLike(digits)
                    && (end >= text.length() || !Character.isLetter(text.charAt(end)))) {
                found.add(SensitiveMatch.of(KIND, digits, i));
            }
            i = Math.max(end, i + 1);
        }
        return found;
    }

    /** End of a run of digits in which single spaces or hyphens may separate groups. */
    private static int runEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if ((c == ' ' || c == '-') && i + 1 < text.length() && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i - 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static String digitsOf(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static boolean isCardLike(String digits) {
        char first = digits.charAt(0);
        return first >= '2' && first <= '6' && passesLuhn(digits);
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
