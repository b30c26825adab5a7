package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.validation.ContractValidator;
import dev.lakehouse.schemas.verdict.Severity;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.ArrayList;
import java.util.List;

/** The verdicts on one output: bleed found by the gate and the contract validation. */
public record Judgement(List<Violation> bleed, ValidationVerdict verdict) {

    public boolean valid() {
        return bleed.isEmpty() && verdict.valid();
    }

    public boolean validationUnavailable() {
        return ContractValidator.unavailable(verdict);
    }

    /** Every violation, bleed first. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>(bleed);
        all.addAll(verdict.violations());
        return all;
    }

    /** The violations that count (errors), for messages and re-asks. */
    public List<Violation> errors() {
        return violations().stream().filter(violation -> violation.severity() == Severity.ERROR).toList();
    }
}
