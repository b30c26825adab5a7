package dev.lakehouse.validated.verdict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the caller knows beyond the payload (the {@code context} object of a request).
 *
 * @param source the text a fill was extracted from; grounded fields must be found in it
 * @param systemPrompt the system prompt of the role; an email must not echo it
 * @param roleMarkers markers of other roles; output carrying one leaked from another role
 * @param allowedPlaceholders placeholders the caller fills in later, e.g. {@code {{unsubscribe_url}}}
 * @param allowedDomains recipient domains allowed for this call, in addition to the ruleset's limit
 * @param deniedDomains recipient domains refused for this call, in addition to the ruleset's
 * @param signature the signature the email must end with, overriding the ruleset's text
 * @param minChars for text contracts: the fewest characters an answer may have
 * @param maxChars for text contracts: the most characters an answer may have
 * @param forbiddenPhrases for text contracts: phrases the answer must not contain (case-insensitive)
 */
public record ValidationContext(
        @Nullable String source,
        @Nullable String systemPrompt,
        List<String> roleMarkers,
        List<String> allowedPlaceholders,
        List<String> allowedDomains,
        List<String> deniedDomains,
        @Nullable String signature,
        @Nullable Integer minChars,
        @Nullable Integer maxChars,
        List<String> forbiddenPhrases) {

    public static final ValidationContext EMPTY = new ValidationContext(null, null, List.of(), List.of(), List.of(), List.of(),
            null, null, null, List.of());

    public ValidationContext {
        roleMarkers = List.copyOf(roleMarkers);
        allowedPlaceholders = List.copyOf(allowedPlaceholders);
        allowedDomains = List.copyOf(allowedDomains);
        deniedDomains = List.copyOf(deniedDomains);
        forbiddenPhrases = List.copyOf(forbiddenPhrases);
    }
}
