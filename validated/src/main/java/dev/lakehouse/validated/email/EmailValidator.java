package dev.lakehouse.validated.email;

import dev.lakehouse.validated.output.ModelOutput;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.sensitive.SensitiveDataDetector;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an email draft {@code {from?, to[], cc[], bcc[], subject, body}} against an
 * {@link EmailRuleset}. The payload is the draft as JSON or the model's raw output holding it.
 * Rules run in a fixed order, so the same input always gives the same violations in the same order.
 */
public final class EmailValidator {

    private static final Set<String> FIELDS = Set.of("from", "to", "cc", "bcc", "subject", "body");

    private final JsonMapper json;
    private final RecipientRules recipients;
    private final MessageTextRules texts;

    public EmailValidator(JsonMapper json, PlaceholderDetector placeholders, SensitiveDataDetector sensitive) {
        this.json = json;
        this.recipients = new RecipientRules(new EmailAddressParser());
        this.texts = new MessageTextRules(placeholders, sensitive);
    }

    public void validate(EmailRuleset rules, JsonNode payload, ValidationContext context, Findings findings) {
        JsonNode draft = read(payload, findings);
        if (draft == null) {
            return;
        }
        for (String name : draft.propertyNames()) {
            if (!FIELDS.contains(name)) {
                findings.warning("email.draft.unknown_field", "/" + name, "the draft has an unknown field '" + name
                        + "'; it is not part of the email");
            }
        }
        recipients.check(draft, rules, context, findings);
        subject(draft.get("subject"), rules, context, findings);
        body(draft.get("body"), rules, context, findings);
    }

    private @Nullable JsonNode read(JsonNode payload, Findings findings) {
        ModelOutput output = payload.isString() ? ModelOutput.parse(payload.asString(), json) : ModelOutput.of(payload);
        if (output.empty()) {
            findings.error("email.output.empty", "", "the output is empty");
            return null;
        }
        if (output.json() == null) {
            findings.error("email.output.unparseable", "", "the output is " + output.problem());
            return null;
        }
        if (output.fenced()) {
            findings.warning("email.markdown_fence", "", "the draft was wrapped in a Markdown code fence; send bare JSON");
        }
        if (!output.json().isObject()) {
            findings.error("email.draft.not_object", "", "the draft must be a JSON object {to, cc, bcc, subject, body}");
            return null;
        }
        return output.json();
    }

    private void subject(JsonNode subject, EmailRuleset rules, ValidationContext context, Findings findings) {
        if (subject == null || subject.isNull() || (subject.isString() && subject.asString().isBlank())) {
            findings.error("email.subject.missing", "/subject", "the draft has no subject");
            return;
        }
        if (!subject.isString()) {
            findings.error("email.draft.type", "/subject", "subject must be a string");
            return;
        }
        String text = subject.asString();
        int length = text.codePointCount(0, text.length());
        if (length > rules.subject().max()) {
            findings.error("email.subject.too_long", "/subject", "the subject is " + length + " characters; at most "
                    + rules.subject().max());
        } else if (length > rules.subject().warnAbove()) {
            findings.warning("email.subject.long", "/subject", "the subject is " + length + " characters; keep it under "
                    + rules.subject().warnAbove());
        }
        texts.check(text, "/subject", rules, context, findings);
    }

    private void body(JsonNode body, EmailRuleset rules, ValidationContext context, Findings findings) {
        if (body == null || body.isNull() || (body.isString() && body.asString().isBlank())) {
            findings.error("email.body.missing", "/body", "the draft has no body");
            return;
        }
        if (!body.isString()) {
            findings.error("email.draft.type", "/body", "body must be a string");
            return;
        }
        String text = body.asString();
        int length = text.codePointCount(0, text.length());
        if (length < rules.body().minChars()) {
            findings.error("email.body.too_short", "/body", "the body is " + length + " characters; at least "
                    + rules.body().minChars());
        }
        if (length > rules.body().maxChars()) {
            findings.error("email.body.too_long", "/body", "the body is " + length + " characters; at most " + rules.body().maxChars());
        }
        String firstLine = Letters.firstLine(text);
        if (firstLine != null && InstructionLeaks.isPreamble(firstLine)) {
            findings.error("email.leak.preamble", "/body", "the body starts with a note about the email ('" + firstLine
                    + "') instead of the email itself");
        } else if (firstLine != null && Letters.isEmptyGreeting(firstLine)) {
            findings.error("email.greeting.empty", "/body", "the greeting '" + firstLine + "' has no name");
        }
        texts.check(text, "/body", rules, context, findings);
        String echo = InstructionLeaks.systemPromptEcho(text, context.systemPrompt(), rules.leaks().echoWords());
        if (echo != null) {
            findings.error("email.leak.system_prompt", "/body", "the body repeats the system prompt ('" + echo + "')");
        }
        String signature = context.signature() != null ? context.signature() : rules.signature().text();
        boolean required = rules.signature().required() || context.signature() != null;
        if (required && !Letters.hasSignature(text, signature)) {
            findings.error("email.signature.missing", "/body", signature == null
                    ? "the body does not end with a sign-off and a name"
                    : "the body does not end with the signature '" + signature + "'");
        }
    }
}
