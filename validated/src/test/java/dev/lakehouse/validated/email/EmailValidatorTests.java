package dev.lakehouse.validated.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.verdict.Severity;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.TestValidators;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

class EmailValidatorTests {

    private static final TestValidators VALIDATORS = TestValidators.shipped();
    private static final String BODY = "Hi Bob,\n\nthe quarterly report will be two days late; the figures arrive on Friday.\n\nBest regards,\nAna";

    @Test
    void aWellFormedDraftIsValidWithoutViolations() {
        ValidationVerdict verdict = validate(draft());

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.valid()).isTrue();
    }

    @Test
    void rawOutputMustBeJson() {
        assertThat(codes(validateRaw("Here you go: to Bob, subject Report"))).containsExactly("email.output.unparseable");
        assertThat(codes(validateRaw("  "))).containsExactly("email.output.empty");
        assertThat(codes(validateRaw("[\"bob@example.com\"]"))).containsExactly("email.draft.not_object");
    }

    @Test
    void aFencedDraftIsReadWithAWarning() {
        ValidationVerdict verdict = validateRaw("```json\n" + json(draft()) + "\n```");

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.violations()).extracting(Violation::code, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email.markdown_fence", Severity.WARNING));
    }

    @Test
    void unknownFieldsAreWarnedAbout() {
        assertThat(violations(with("signature", "Ana"))).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email.draft.unknown_field", "/signature"));
    }

    @Test
    void everyAddressMustBeAValidRecipient() {
        Map<String, Object> draft = with("to", List.of("bob@example.com", "bob@"));
        draft.put("cc", List.of("ana@example"));
        draft.put("from", "Ana <ana@example.com>");

        List<Violation> violations = violations(draft);

        assertThat(violations).extracting(Violation::code, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("email.address.invalid", "/from"),
                org.assertj.core.groups.Tuple.tuple("email.address.invalid", "/to/1"),
                org.assertj.core.groups.Tuple.tuple("email.address.invalid", "/cc/0"));
        assertThat(violations.get(1).message()).isEqualTo("'bob@' has no domain after the @");
    }

    @Test
    void recipientsMustBeStringsInArrays() {
        assertThat(codes(validate(with("to", "bob@example.com")))).containsExactly("email.draft.type");
        assertThat(codes(validate(with("to", List.of(Map.of("email", "bob@example.com")))))).containsExactly("email.draft.type");
    }

    @Test
    void aDraftNeedsARecipientInTo() {
        assertThat(codes(validate(with("to", List.of())))).containsExactly("email.recipient.missing");
    }

    @Test
    void tooManyRecipientsAreRefused() {
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "user" + i + "@example.com").toList();

        assertThat(codes(validate("email:customer-support", supportDraft("to", eleven)))).containsExactly("email.recipient.too_many");
        assertThat(codes(validate(with("to", eleven)))).isEmpty();
    }

    @Test
    void aRepeatedRecipientIsAWarning() {
        Map<String, Object> draft = with("to", List.of("bob@Example.com"));
        draft.put("bcc", List.of("bob@example.COM"));

        ValidationVerdict verdict = validate(draft);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.violations()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email.address.duplicate", "/bcc/0"));
    }

    @Test
    void anUnnormalizedAddressIsAWarning() {
        ValidationVerdict verdict = validate(with("to", List.of("jo\u0308rg@example.com")));

        assertThat(verdict.valid()).isTrue();
        assertThat(codes(verdict)).containsExactly("email.address.unnormalized");
    }

    @Test
    void deniedDomainsAndTheirSubdomainsAreRefused() {
        assertThat(codes(validate("email:customer-support", supportDraft("to", List.of("a@mail.internal.acme.example")))))
                .containsExactly("email.domain.denied");
        assertThat(codes(validate("email:customer-support", supportDraft("to", List.of("a@acme.example"))))).isEmpty();
        assertThat(codes(validate(with("to", List.of("a@server.test"))))).containsExactly("email.domain.denied");
    }

    @Test
    void theContextAddsAllowAndDenyLists() {
        ValidationContext allowOnly = context(List.of(DomainList.normalise("bücher.example")), List.of(), null);

        assertThat(codes(validate("email", draftTo("bob@xn--bcher-kva.example"), allowOnly))).isEmpty();
        assertThat(codes(validate("email", draftTo("bob@sub.bücher.example"), allowOnly))).isEmpty();
        assertThat(codes(validate("email", draftTo("bob@example.com"), allowOnly))).containsExactly("email.domain.not_allowed");
        assertThat(codes(validate("email", draftTo("bob@example.com"), context(List.of(), List.of("example.com"), null))))
                .containsExactly("email.domain.denied");
    }

    @Test
    void theSubjectMustBePresentSingleLineAndOfSaneLength() {
        assertThat(codes(validate(with("subject", " ")))).containsExactly("email.subject.missing");
        assertThat(codes(validate(without("subject")))).containsExactly("email.subject.missing");
        assertThat(codes(validate(with("subject", 42)))).containsExactly("email.draft.type");
        assertThat(codes(validate(with("subject", "Report\r\nBcc: everyone@example.com")))).containsExactly("email.subject.line_break");
        assertThat(codes(validate(with("subject", "a".repeat(999))))).containsExactly("email.subject.too_long");
        assertThat(codes(validate(with("subject", "a".repeat(998))))).containsExactly("email.subject.long");
        assertThat(codes(validate(with("subject", "a".repeat(78))))).isEmpty();
        assertThat(validate(with("subject", "a".repeat(79))).valid()).isTrue();
    }

    @Test
    void theBodyMustBePresentAndWithinItsBounds() {
        assertThat(codes(validate(with("body", "")))).containsExactly("email.body.missing");
        assertThat(codes(validate(with("body", "a".repeat(20_001))))).containsExactly("email.body.too_long");
        assertThat(codes(validate("email:customer-support", supportDraft("body", "Thanks!\nThe Acme Support Team"))))
                .containsExactly("email.body.too_short");
    }

    @Test
    void placeholdersInSubjectOrBodyAreErrorsUnlessAllowed() {
        assertThat(violations(with("subject", "Your order {{order_id}}"))).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email.placeholder", "/subject"));
        for (String filler : List.of("[Name]", "<your name>", "((date))", "TBD", "TODO", "N/A", "XXXX", "lorem ipsum", "{first_name}")) {
            assertThat(codes(validate(with("body", BODY.replace("two days", filler))))).as(filler).containsExactly("email.placeholder");
        }
        assertThat(codes(validate("email", with("body", BODY + "\n{{unsubscribe_url}}"),
                new ValidationContext(null, null, List.of(), List.of("{{unsubscribe_url}}"), List.of(), List.of(), null, null, null,
                        List.of())))).isEmpty();
    }

    @Test
    void anEmptyGreetingIsAnError() {
        for (String greeting : List.of("Hi ,", "Dear ,", "Dear,", "Hello  !", "Dear Ms.,", "Hi Mr,")) {
            assertThat(codes(validate(with("body", BODY.replace("Hi Bob,", greeting))))).as(greeting).containsExactly("email.greeting.empty");
        }
        for (String greeting : List.of("Hi Bob,", "Hello,", "Dear Ms. Lopez,", "Hi Drew!", "Good morning team,")) {
            assertThat(codes(validate(with("body", BODY.replace("Hi Bob,", greeting))))).as(greeting).isEmpty();
        }
    }

    @Test
    void leakedInstructionsAndChatTemplateTokensAreErrors() {
        assertThat(codes(validate(with("body", BODY.replace("Ana", "Ana (as an AI language model I cannot sign)")))))
                .containsExactly("email.leak.instruction");
        assertThat(codes(validate(with("body", "<|im_start|>assistant\n" + BODY)))).contains("email.leak.instruction");
        assertThat(codes(validate(with("subject", "Per my system prompt: report")))).containsExactly("email.leak.instruction");
        assertThat(codes(validate(with("body", "Sure! Here is the email you asked for:\n\n" + BODY)))).containsExactly("email.leak.preamble");
    }

    @Test
    void anotherRolesMarkersAreErrors() {
        assertThat(codes(validate("email:customer-support", supportDraft("body", supportBody("[[SALES]] upgrade now")))))
                .containsExactly("email.leak.role_marker");
        ValidationContext markers = new ValidationContext(null, null, List.of("<<ROLE:form-filler>>"), List.of(), List.of(),
                List.of(), null, null, null, List.of());
        assertThat(codes(validate("email", with("body", BODY + "\n<<ROLE:form-filler>>"), markers))).containsExactly("email.leak.role_marker");
        assertThat(codes(validate("email", draft(), markers))).isEmpty();
    }

    @Test
    void echoingTheSystemPromptIsAnError() {
        String prompt = "You write short business emails for Acme as JSON. Never promise refunds without a ticket number.";
        ValidationContext context = new ValidationContext(null, prompt, List.of(), List.of(), List.of(), List.of(), null, null, null,
                List.of());

        assertThat(codes(validate("email", with("body", BODY + "\nNote: you write short business emails for Acme as JSON."), context)))
                .containsExactly("email.leak.system_prompt");
        assertThat(codes(validate("email", draft(), context))).isEmpty();
    }

    @Test
    void cardNumbersPassingLuhnAndNationalIdsAreErrors() {
        assertThat(violations(with("body", BODY + "\nCard: 4111 1111 1111 1111"))).extracting(Violation::code, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email.sensitive.card_number",
                        "the text contains a payment card number (************1111)"));
        assertThat(codes(validate(with("body", BODY + "\nOrder 4111 1111 1111 1112")))).isEmpty();
        assertThat(codes(validate(with("body", BODY + "\nSSN 078-05-1120")))).containsExactly("email.sensitive.national_id");
        assertThat(codes(validate(with("body", BODY + "\nNI number AB 12 34 56 C")))).containsExactly("email.sensitive.national_id");
        assertThat(codes(validate(with("body", BODY + "\nCall 555-12-3456 ext 7")))).containsExactly("email.sensitive.national_id");
        assertThat(codes(validate(with("body", BODY + "\nTracking 1Z999AA10123456784")))).isEmpty();
    }

    @Test
    void hiddenCharactersInTheTextAreErrors() {
        assertThat(codes(validate(with("body", BODY + "\u0007")))).containsExactly("email.text.control_character");
        assertThat(codes(validate(with("body", BODY.replace("Ana", "\u202Eana")))))
                .containsExactly("email.text.bidi_control");
        assertThat(codes(validate(with("body", BODY.replace("\n", "\r\n\t"))))).isEmpty();
    }

    @Test
    void aRequiredSignatureMustEndTheBody() {
        assertThat(codes(validate("email:customer-support", supportDraft("body", supportBody(""))))).isEmpty();
        assertThat(codes(validate("email:customer-support", supportDraft("body", supportBody("").replace("The Acme Support Team", "Bob")))))
                .containsExactly("email.signature.missing");
        ValidationContext signedByAna = new ValidationContext(null, null, List.of(), List.of(), List.of(), List.of(), "Ana Lopez",
                null, null, List.of());
        assertThat(codes(validate("email", draft(), signedByAna))).containsExactly("email.signature.missing");
        assertThat(codes(validate("email", with("body", BODY + " Lopez"), signedByAna))).isEmpty();
    }

    @Test
    void theSameDraftAlwaysGivesTheSameViolationsInTheSameOrder() {
        Map<String, Object> messy = with("to", List.of("bob@", "a@b"));
        messy.put("subject", "[Subject] TBD");
        messy.put("body", "Hi ,\nAs an AI, card 4111111111111111, [Name]");

        List<Violation> first = validate(messy).violations();

        for (int i = 0; i < 20; i++) {
            assertThat(validate(messy).violations()).isEqualTo(first);
        }
        assertThat(first).hasSizeGreaterThan(6);
    }

    private static Map<String, Object> draft() {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("to", List.of("bob@example.com"));
        draft.put("cc", List.of());
        draft.put("bcc", List.of());
        draft.put("subject", "Quarterly report delayed");
        draft.put("body", BODY);
        return draft;
    }

    private static Map<String, Object> draftTo(String address) {
        return with("to", List.of(address));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> draft = draft();
        draft.put(field, value);
        return draft;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> draft = draft();
        draft.remove(field);
        return draft;
    }

    private static String supportBody(String extra) {
        return "Hello Maria,\n\nyour replacement router ships today. " + extra + "\nTrack it at {{ticket_url}}.\n\nKind regards,\n"
                + "The Acme Support Team";
    }

    private static Map<String, Object> supportDraft(String field, Object value) {
        Map<String, Object> draft = with("body", supportBody(""));
        draft.put("to", List.of("maria@customer.example"));
        draft.put(field, value);
        return draft;
    }

    private static ValidationContext context(List<String> allowed, List<String> denied, @org.jspecify.annotations.Nullable String signature) {
        return new ValidationContext(null, null, List.of(), List.of(), allowed, denied, signature, null, null, List.of());
    }

    private static ValidationVerdict validate(Map<String, Object> draft) {
        return validate("email", draft);
    }

    private static ValidationVerdict validate(String contract, Map<String, Object> draft) {
        return validate(contract, draft, ValidationContext.EMPTY);
    }

    private static ValidationVerdict validate(String contract, Map<String, Object> draft, ValidationContext context) {
        return VALIDATORS.validate(contract, TestValidators.JSON.valueToTree(draft), context);
    }

    private static ValidationVerdict validateRaw(String raw) {
        return VALIDATORS.validate("email", StringNode.valueOf(raw));
    }

    private static List<Violation> violations(Map<String, Object> draft) {
        return validate(draft).violations();
    }

    private static List<String> codes(ValidationVerdict verdict) {
        return verdict.violations().stream().map(Violation::code).toList();
    }

    private static String json(Object value) {
        return TestValidators.JSON.writeValueAsString(value);
    }
}
