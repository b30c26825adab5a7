package dev.lakehouse.materializerd.option;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in text with typed placeholders before anything is written:
 * emails with {@code [EMAIL]}, payment card numbers (13-19 digits passing the Luhn check) with
 * {@code [CARD]}, phone numbers (9-15 digits, E.164's maximum, optionally with +country code,
 * parentheses, spaces, dots or dashes) with {@code [PHONE]}. Dates and IPv4 addresses are left
 * alone. Thread-safe.
 */
public final class Redactor {

    public static final String EMAIL = "[EMAIL]";
    public static final String CARD = "[CARD]";
    public static final String PHONE = "[PHONE]";

    // Practical form of RFC 5322's addr-spec: dot-atom local part, a domain with a dot and a TLD.
    static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    static final Pattern CARD_PATTERN = Pattern.compile("(?<![\\d.-])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    static final Pattern PHONE_PATTERN = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]?\\d{2,4}){1,5}(?![\\w])");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final int LEAST_DIGITS = 9;

    private final boolean enabled;

    public Redactor(boolean enabled) {
        this.enabled = enabled;
    }

    public String redact(String text) {
        if (!enabled) {
            return text;
        }
        String out = text;
        if (out.indexOf('@') >= 0) {
            out = replace(out, EMAIL_PATTERN, EMAIL, match -> true, Redactor::emailSpans);
        }
        if (digits(out) >= LEAST_DIGITS) {
            out = replace(out, CARD_PATTERN, CARD, Redactor::isCard, Redactor::numberSpans);
            out = replace(out, PHONE_PATTERN, PHONE, Redactor::isPhone, Redactor::numberSpans);
        }
        return out;
    }

    private interface Check {
        boolean test(String match);
    }

    private interface Spans {
        /** Start and end pairs, in order, not overlapping, of the only stretches where a match can lie. */
        List<int[]> of(String text);
    }

    /**
     * Runs the pattern only inside the spans where a match can lie (with transparent bounds, so
     * look-behind and look-ahead still see the text around them). Every character of a match
     * belongs to its span, so the result is what a scan of the whole text gives, at a fraction
     * of the cost on long texts.
     */
    private static String replace(String text, Pattern pattern, String placeholder, Check check, Spans spans) {
        StringBuilder out = null;
        int last = 0;
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] span : spans.of(text)) {
            matcher.region(span[0], span[1]);
            while (matcher.find()) {
                if (!check.test(matcher.group())) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, matcher.start()).append(placeholder);
                last = matcher.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** Around each '@': the local-part characters before it and the domain characters after it. */
    private static List<int[]> emailSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
            addMerged(spans, start, end);
        }
        return spans;
    }

    /** Runs of digits and the separators phone and card numbers use, holding at least {@value #LEAST_DIGITS} digits. */
    private static List<int[]> numberSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!isNumberChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            while (i < text.length() && isNumberChar(text.charAt(i))) {
                char c = text.charAt(i++);
                if (c >= '0' && c <= '9') {
                    digits++;
                }
            }
            if (digits >= LEAST_DIGITS) {
                spans.add(new int[] {start, i});
            }
        }
        return spans;
    }

    private static void addMerged(List<int[]> spans, int start, int end) {
        if (!spans.isEmpty() && spans.getLast()[1] >= start) {
            spans.getLast()[1] = Math.max(spans.getLast()[1], end);
        } else {
            spans.add(new int[] {start, end});
        }
    }

    private static boolean isLocalPartChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0);
    }

    private static boolean isDomainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+';
    }

    static boolean isCard(String match) {
        String digits = match.replaceAll("[ -]", "");
        return digits.length() >= 13 && digits.length() <= 19 && luhn(digits);
    }

    static boolean isPhone(String match) {
        long count = digits(match);
        return count >= LEAST_DIGITS && count <= 15 && !DATE.matcher(match).find() && !IPV4.matcher(match).matches();
    }

    // ISO/IEC 7812-1 Annex B: the Luhn check digit.
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static int digits(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }
}
