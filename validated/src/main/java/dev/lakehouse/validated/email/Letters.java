package dev.lakehouse.validated.email;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The shape of a letter: its greeting line and its closing signature. */
final class Letters {

    private static final String SALUTATION = "(?:hi|hello|hey|dear|greetings|good morning|good afternoon|good evening)";
    private static final String TITLE = "(?:mr|mrs|ms|miss|mx|dr|prof)\\.?";
    // "Hi ," or "Dear  :" : white space where the name was; "Dear," or "Dear Ms.," : no name at all.
    private static final Pattern EMPTY_GREETING = Pattern.compile("^(?:" + SALUTATION + "(?:\\s+" + TITLE + ")?\\s+[,!:;.]"
            + "|dear(?:\\s+" + TITLE + ")?\\s*[,!:;.]?\\s*$"
            + "|" + SALUTATION + "\\s+" + TITLE + "\\s*[,!:;.]?\\s*$).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CLOSING = Pattern.compile("^(?:(?:best|kind|warm|warmest|many|with)?\\s*(?:regards|wishes|thanks)"
            + "|thanks|thank you|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|best|all the best|respectfully"
            + "|take care)\\b.{0,30}$", Pattern.CASE_INSENSITIVE);
    private static final int SIGNATURE_LINES = 5;

    private Letters() {
    }

    static @Nullable String firstLine(String body) {
        for (String line : body.split("\\R", 20)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    static boolean isEmptyGreeting(String firstLine) {
        return EMPTY_GREETING.matcher(firstLine).matches();
    }

    /**
     * Whether the body ends with {@code signature} (white space and case ignored) within its last
     * lines, or, when no text is given, with a closing line followed by at least one line (a name).
     */
    static boolean hasSignature(String body, @Nullable String signature) {
        List<String> lines = body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - SIGNATURE_LINES), lines.size());
        if (signature != null && !signature.isBlank()) {
            String wanted = normalise(signature);
            return normalise(String.join(" ", tail)).contains(wanted);
        }
        for (int i = 0; i < tail.size() - 1; i++) {
            if (CLOSING.matcher(tail.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
