package dev.lakehouse.validated.email;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.JsonPointers;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The sender and recipients of a draft: syntax, count, duplicates and the domain lists. */
final class RecipientRules {

    private static final List<String> RECIPIENT_FIELDS = List.of("to", "cc", "bcc");

    private final EmailAddressParser parser;

    RecipientRules(EmailAddressParser parser) {
        this.parser = parser;
    }

    void check(JsonNode draft, EmailRuleset rules, ValidationContext context, Findings findings) {
        JsonNode from = draft.get("from");
        if (from != null && !from.isNull()) {
            if (from.isString()) {
                address(from.asString(), "/from", findings);
            } else {
                findings.error("email.draft.type", "/from", "from must be a string holding one address");
            }
        }
        List<String> allowed = context.allowedDomains();
        List<String> denied = context.deniedDomains();
        Map<String, String> seen = new HashMap<>();
        int count = 0;
        for (String field : RECIPIENT_FIELDS) {
            JsonNode list = draft.get(field);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                findings.error("email.draft.type", "/" + field, field + " must be an array of addresses");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                count++;
                String path = JsonPointers.index("/" + field, i);
                JsonNode item = list.get(i);
                if (!item.isString()) {
                    findings.error("email.draft.type", path, "each recipient must be a string holding one address");
                    continue;
                }
                EmailAddress address = address(item.asString(), path, findings);
                if (address != null) {
                    domainLists(address, path, rules.recipients(), allowed, denied, findings);
                    duplicate(address, path, seen, findings);
                }
            }
        }
        JsonNode to = draft.get("to");
        if (to == null || to.isNull() || (to.isArray() && to.isEmpty())) {
            findings.error("email.recipient.missing", "/to", "the draft has no recipient in to");
        }
        if (count > rules.recipients().max()) {
            findings.error("email.recipient.too_many", "", "the draft has " + count + " recipients; at most "
                    + rules.recipients().max());
        }
    }

    private @Nullable EmailAddress address(String text, String path, Findings findings) {
        return switch (parser.parse(text)) {
            case AddressCheck.Valid(EmailAddress address) -> {
                if (!address.normalized()) {
                    findings.warning("email.address.unnormalized", path, "'" + text + "' is not in Unicode NFKC (decomposed"
                            + " accents or look-alike characters such as fullwidth letters); the mailbox may not match (RFC 6532 3.1)");
                }
                yield address;
            }
            case AddressCheck.Invalid(String reason) -> {
                findings.error("email.address.invalid", path, "'" + abbreviate(text) + "' " + reason);
                yield null;
            }
        };
    }

    private static void domainLists(EmailAddress address, String path, EmailRuleset.Recipients rules, List<String> allowed,
            List<String> denied, Findings findings) {
        String domain = address.asciiDomain();
        if (DomainList.matches(rules.deniedDomains(), domain) || DomainList.matches(denied, domain)) {
            findings.error("email.domain.denied", path, "recipient domain " + domain + " is denied");
        } else if ((!rules.allowedDomains().isEmpty() && !DomainList.matches(rules.allowedDomains(), domain))
                || (!allowed.isEmpty() && !DomainList.matches(allowed, domain))) {
            findings.error("email.domain.not_allowed", path, "recipient domain " + domain + " is not in the allowed domains");
        }
    }

    private static void duplicate(EmailAddress address, String path, Map<String, String> seen, Findings findings) {
        String first = seen.putIfAbsent(address.canonical(), path);
        if (first != null) {
            findings.warning("email.address.duplicate", path, address.canonical() + " is already a recipient at " + first);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
