package dev.lakehouse.validated.text;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.Locale;

/**
 * Validates free text. Nothing about prose is structurally wrong, so the rules are few: an
 * empty answer is an error, and the caller's context may bound the length, forbid phrases and
 * name other roles' markers.
 */
public final class TextValidator {

    public void validate(String text, ValidationContext context, Findings findings) {
        if (text.isBlank()) {
            findings.error("text.empty", "", "the output is empty");
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (context.minChars() != null && length < context.minChars()) {
            findings.error("text.too_short", "", "the output is " + length + " characters; at least " + context.minChars());
        }
        if (context.maxChars() != null && length > context.maxChars()) {
            findings.error("text.too_long", "", "the output is " + length + " characters; at most " + context.maxChars());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : context.forbiddenPhrases()) {
            if (!phrase.isBlank() && lower.contains(phrase.toLowerCase(Locale.ROOT))) {
                findings.error("text.forbidden_phrase", "", "the output contains the forbidden phrase '" + phrase + "'");
            }
        }
        for (String marker : context.roleMarkers()) {
            if (!marker.isBlank() && text.contains(marker)) {
                findings.error("text.role_marker", "", "the output carries the marker " + marker + " of another role");
            }
        }
    }
}
