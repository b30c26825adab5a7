package dev.lakehouse.validated.email;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one email contract, read from its ruleset file ({@code email.json} for the
 * default contract {@code email}); every section and field is optional and has the default shown
 * in docs/readme/validated.md.
 */
public record EmailRuleset(Recipients recipients, Subject subject, Body body, Signature signature,
        Placeholders placeholders, Leaks leaks, Sensitive sensitive) {

    public static final EmailRuleset DEFAULTS = new EmailRuleset(null, null, null, null, null, null, null);

    public EmailRuleset(@Nullable Recipients recipients, @Nullable Subject subject, @Nullable Body body,
            @Nullable Signature signature, @Nullable Placeholders placeholders, @Nullable Leaks leaks,
            @Nullable Sensitive sensitive) {
        this.recipients = Objects.requireNonNullElseGet(recipients, () -> new Recipients(null, null, null));
        this.subject = Objects.requireNonNullElseGet(subject, () -> new Subject(null, null));
        this.body = Objects.requireNonNullElseGet(body, () -> new Body(null, null));
        this.signature = Objects.requireNonNullElseGet(signature, () -> new Signature(null, null));
        this.placeholders = Objects.requireNonNullElseGet(placeholders, () -> new Placeholders(null, null));
        this.leaks = Objects.requireNonNullElseGet(leaks, () -> new Leaks(null, null, null));
        this.sensitive = Objects.requireNonNullElseGet(sensitive, () -> new Sensitive(null, null));
    }

    /**
     * @param allowedDomains when not empty, every recipient's domain must be one of these or a subdomain
     * @param deniedDomains recipients in these domains or their subdomains are refused
     * @param max the most recipients (to, cc and bcc together); RFC 5321 4.5.3.1.8 asks servers for 100
     */
    public record Recipients(List<String> allowedDomains, List<String> deniedDomains, int max) {
        @JsonCreator
        public Recipients(@Nullable List<String> allowedDomains, @Nullable List<String> deniedDomains, @Nullable Integer max) {
            this(DomainList.normalise(allowedDomains), DomainList.normalise(deniedDomains), positive(max, 100, "recipients.max"));
        }
    }

    /**
     * @param warnAbove a longer subject is a warning (RFC 5322 2.1.1: lines SHOULD be at most 78 characters)
     * @param max a longer subject is an error (RFC 5322 2.1.1: lines MUST be at most 998 characters)
     */
    public record Subject(int warnAbove, int max) {
        @JsonCreator
        public Subject(@Nullable Integer warnAbove, @Nullable Integer max) {
            this(positive(warnAbove, 78, "subject.warnAbove"), positive(max, 998, "subject.max"));
        }
    }

    /** Bounds of the body in characters (Unicode code points). */
    public record Body(int minChars, int maxChars) {
        @JsonCreator
        public Body(@Nullable Integer minChars, @Nullable Integer maxChars) {
            this(positive(minChars, 1, "body.minChars"), positive(maxChars, 20_000, "body.maxChars"));
        }
    }

    /**
     * @param required the body must end with a signature: {@code text} when given, otherwise a
     *     closing line ("Best regards,") followed by a name
     * @param text the signature, e.g. "The Acme Support Team"
     */
    public record Signature(boolean required, @Nullable String text) {
        @JsonCreator
        public Signature(@Nullable Boolean required, @Nullable String text) {
            this(Boolean.TRUE.equals(required), text);
        }
    }

    /**
     * @param allow placeholders that are filled in later and so are not violations, e.g. {@code {{unsubscribe_url}}}
     * @param notApplicable whether "N/A" may appear in subject and body
     */
    public record Placeholders(List<String> allow, boolean notApplicable) {
        @JsonCreator
        public Placeholders(@Nullable List<String> allow, @Nullable Boolean notApplicable) {
            this(allow == null ? List.of() : List.copyOf(allow), Boolean.TRUE.equals(notApplicable));
        }
    }

    /**
     * @param phrases phrases (case-insensitive) that betray instructions or the model, added to the built-in list
     * @param roleMarkers markers of other roles, refused in subject and body
     * @param echoWords length in words of a run of the system prompt that counts as an echo
     */
    public record Leaks(List<String> phrases, List<String> roleMarkers, int echoWords) {
        @JsonCreator
        public Leaks(@Nullable List<String> phrases, @Nullable List<String> roleMarkers, @Nullable Integer echoWords) {
            this(phrases == null ? List.of() : List.copyOf(phrases), roleMarkers == null ? List.of() : List.copyOf(roleMarkers),
                    positive(echoWords, 8, "leaks.echoWords"));
        }
    }

    /** Which sensitive-data detectors run on subject and body. */
    public record Sensitive(boolean cardNumbers, boolean nationalIds) {
        @JsonCreator
        public Sensitive(@Nullable Boolean cardNumbers, @Nullable Boolean nationalIds) {
            this(!Boolean.FALSE.equals(cardNumbers), !Boolean.FALSE.equals(nationalIds));
        }
    }

    private static int positive(@Nullable Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }
}
