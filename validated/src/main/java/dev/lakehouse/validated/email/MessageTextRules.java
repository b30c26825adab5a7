package dev.lakehouse.validated.email;

import dev.lakehouse.validated.placeholder.Placeholder;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.placeholder.PlaceholderStyle;
import dev.lakehouse.validated.sensitive.SensitiveDataDetector;
import dev.lakehouse.validated.sensitive.SensitiveMatch;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules that apply to subject and body alike: placeholders, leaks, sensitive data, hidden characters. */
final class MessageTextRules {

    private static final int MAX_PLACEHOLDERS_PER_FIELD = 10;

    private final PlaceholderDetector placeholders;
    private final SensitiveDataDetector sensitive;

    MessageTextRules(PlaceholderDetector placeholders, SensitiveDataDetector sensitive) {
        this.placeholders = placeholders;
        this.sensitive = sensitive;
    }

    void check(String text, String path, EmailRuleset rules, ValidationContext context, Findings findings) {
        hiddenCharacters(text, path, path.equals("/body"), findings);
        placeholders(text, path, rules.placeholders(), context, findings);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : InstructionLeaks.phrases(lower, rules.leaks().phrases())) {
            findings.error("email.leak.instruction", path, "the text contains '" + phrase
                    + "', which belongs to the model or its instructions, not to an email");
        }
        roleMarkers(text, path, rules, context, findings);
        if (rules.sensitive().cardNumbers()) {
            for (SensitiveMatch match : sensitive.cardNumbers(text)) {
                findings.error("email.sensitive.card_number", path, "the text contains a payment card number (" + match.masked() + ")");
            }
        }
        if (rules.sensitive().nationalIds()) {
            for (SensitiveMatch match : sensitive.nationalIds(text)) {
                findings.error("email.sensitive.national_id", path, "the text contains a national identity number ("
                        + match.kind() + ", " + match.masked() + ")");
            }
        }
    }

    private void placeholders(String text, String path, EmailRuleset.Placeholders policy, ValidationContext context,
            Findings findings) {
        Set<String> reported = new LinkedHashSet<>();
        for (Placeholder found : placeholders.find(text)) {
            if ((found.style() == PlaceholderStyle.NOT_APPLICABLE && policy.notApplicable())
                    || policy.allow().contains(found.text()) || context.allowedPlaceholders().contains(found.text())
                    || !reported.add(found.text())) {
                continue;
            }
            if (reported.size() > MAX_PLACEHOLDERS_PER_FIELD) {
                break;
            }
            findings.error("email.placeholder", path, "unfilled " + found.style().description() + " '" + found.text() + "'");
        }
    }

    private static void roleMarkers(String text, String path, EmailRuleset rules, ValidationContext context, Findings findings) {
        for (List<String> markers : List.of(rules.leaks().roleMarkers(), context.roleMarkers())) {
            for (String marker : markers) {
                if (!marker.isBlank() && text.contains(marker)) {
                    findings.error("email.leak.role_marker", path, "the text carries the marker " + marker + " of another role");
                }
            }
        }
    }

    /**
     * C0 and C1 controls (line breaks and tabs allowed in the body only) and the bidirectional
     * embedding, override and isolate controls, which can make text read differently from what
     * it is (the "Trojan Source" attack, CVE-2021-42574).
     */
    private static void hiddenCharacters(String text, String path, boolean multiline, Findings findings) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!multiline) {
                    findings.error("email.subject.line_break", path, "the subject contains a line break (header injection)");
                    return;
                }
            } else if ((c < 0x20 && !(c == '\t' && multiline)) || (c >= 0x7F && c <= 0x9F)) {
                findings.error("email.text.control_character", path, String.format("the text contains the control character U+%04X",
                        (int) c));
                return;
            } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                findings.error("email.text.bidi_control", path, String.format(
                        "the text contains the bidirectional control U+%04X, which can disguise what it says", (int) c));
                return;
            }
        }
    }
}
