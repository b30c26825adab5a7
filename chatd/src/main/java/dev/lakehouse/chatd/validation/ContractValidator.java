package dev.lakehouse.chatd.validation;

import dev.lakehouse.chatd.ChatdProperties;
import dev.lakehouse.chatd.role.Contract;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.chatd.role.RoleRegistry;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Checks an output against its role's contract. {@code text} accepts any text and is decided here
 * without a call (a verdict with validator version {@code chatd-text/1}); {@code email} and
 * {@code fill:} go to validated. When validated cannot answer, the verdict is invalid with a
 * {@code validation.unavailable} violation: chatd fails closed, it never returns an unchecked
 * email or fill as valid.
 */
public final class ContractValidator {

    public static final String UNAVAILABLE = "validation.unavailable";
    static final String TEXT_VALIDATOR = "chatd-text/1";
    private static final Logger log = LoggerFactory.getLogger(ContractValidator.class);

    private final ValidatedClient validated;
    private final ChatdProperties.Validation settings;
    private final RoleRegistry roles;

    public ContractValidator(ValidatedClient validated, ChatdProperties.Validation settings, RoleRegistry roles) {
        this.validated = validated;
        this.settings = settings;
        this.roles = roles;
    }

    /**
     * The verdict on {@code output}.
     *
     * @param source what the user wrote (their messages), the text a fill's grounded fields must come from
     */
    public ValidationVerdict validate(Role role, String output, String source) {
        Contract contract = role.contract();
        if (contract.kind() == Contract.Kind.TEXT) {
            return new ValidationVerdict(ValidationVerdict.SCHEMA, true, contract.id(), TEXT_VALIDATOR, 0, List.of());
        }
        long start = System.nanoTime();
        try {
            ValidationVerdict verdict = validated.validate(new ValidateRequest(contract.validateKind(), contract.id(),
                    output, context(role, source)));
            if (verdict == null) {
                return unavailable(contract, start, "validated answered without a verdict");
            }
            return verdict;
        } catch (RestClientResponseException e) {
            log.warn("validated refused to validate contract {}: {}", contract, e.getStatusCode());
            return unavailable(contract, start, "validated answered " + e.getStatusCode().value() + " for contract "
                    + contract);
        } catch (RestClientException | IllegalStateException e) {
            log.warn("validated could not validate contract {}: {}", contract, e.getMessage());
            return unavailable(contract, start, "validated could not be asked: " + e.getClass().getSimpleName());
        }
    }

    public static boolean unavailable(ValidationVerdict verdict) {
        return verdict.violations().stream().anyMatch(violation -> UNAVAILABLE.equals(violation.code()));
    }

    /** validated's context: the role's system prompt (an echo is a leak), other roles' markers, a fill's source. */
    private @Nullable Map<String, Object> context(Role role, String source) {
        if (!settings.sendContext()) {
            return null;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        if (role.systemPrompt() != null) {
            context.put("systemPrompt", role.systemPrompt());
        }
        List<String> otherMarkers = roles.all().stream().filter(other -> !other.name().equals(role.name()))
                .flatMap(other -> other.markers().stream()).filter(marker -> !role.markers().contains(marker))
                .distinct().toList();
        if (!otherMarkers.isEmpty()) {
            context.put("roleMarkers", otherMarkers);
        }
        if (role.contract().kind() == Contract.Kind.FILL && !source.isBlank()) {
            context.put("source", source);
        }
        return context.isEmpty() ? null : context;
    }

    private static ValidationVerdict unavailable(Contract contract, long start, String why) {
        return new ValidationVerdict(ValidationVerdict.SCHEMA, false, contract.id(), "unavailable",
                (System.nanoTime() - start) / 1000, List.of(Violation.error(UNAVAILABLE, "", why)));
    }
}
