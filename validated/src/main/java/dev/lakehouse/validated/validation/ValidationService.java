package dev.lakehouse.validated.validation;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.validated.email.EmailContract;
import dev.lakehouse.validated.email.EmailValidator;
import dev.lakehouse.validated.fill.FillContract;
import dev.lakehouse.validated.fill.FillValidator;
import dev.lakehouse.validated.text.TextContract;
import dev.lakehouse.validated.text.TextValidator;
import dev.lakehouse.validated.verdict.Findings;

/**
 * Runs the validator of a request's contract and builds the verdict. Everything in a verdict but
 * {@code durationMicros} depends only on the request and the contract.
 */
public final class ValidationService {

    private final TextValidator text;
    private final EmailValidator email;
    private final FillValidator fill;
    private final ValidatorVersion version;
    private final int maxViolations;

    public ValidationService(TextValidator text, EmailValidator email, FillValidator fill, ValidatorVersion version,
            int maxViolations) {
        this.text = text;
        this.email = email;
        this.fill = fill;
        this.version = version;
        this.maxViolations = maxViolations;
    }

    public ValidatorVersion version() {
        return version;
    }

    public ValidationVerdict validate(ValidationRequest request) {
        long start = System.nanoTime();
        Findings findings = new Findings(maxViolations);
        switch (request.contract()) {
            case TextContract ignored -> text.validate(request.payload().asString(), request.context(), findings);
            case EmailContract contract -> email.validate(contract.ruleset(), request.payload(), request.context(), findings);
            case FillContract contract -> fill.validate(contract, request.payload(), request.context(), findings);
            default -> throw new IllegalStateException("no validator for contract " + request.contract().id());
        }
        long micros = (System.nanoTime() - start) / 1_000;
        return new ValidationVerdict(ValidationVerdict.SCHEMA, !findings.hasErrors(), request.contract().id(),
                version.of(request.contract()), micros, findings.toList());
    }
}
