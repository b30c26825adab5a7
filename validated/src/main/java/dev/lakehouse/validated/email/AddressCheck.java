package dev.lakehouse.validated.email;

/** The outcome of parsing one address: a mailbox, or the reason it is not one. */
public sealed interface AddressCheck {

    record Valid(EmailAddress address) implements AddressCheck {
    }

    /** @param reason a sentence fragment a user can act on, e.g. {@code "has no domain"} */
    record Invalid(String reason) implements AddressCheck {
    }

    static AddressCheck invalid(String reason) {
        return new Invalid(reason);
    }
}
