package dev.lakehouse.validated.email;

/** Why an address was refused, thrown inside the parser only; no stack trace, it is not an error. */
final class Refusal extends RuntimeException {

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
