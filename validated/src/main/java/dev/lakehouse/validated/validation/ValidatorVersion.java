package dev.lakehouse.validated.validation;

import dev.lakehouse.validated.contract.Contract;

/**
 * {@code validatorVersion} of a verdict: {@code <module version>+<rules hash>}, e.g.
 * {@code 0.1.0+3fa2b1c9}. The module version names the validator code; the hash names the
 * contract's effective rules, so a changed ruleset changes the version of its verdicts only.
 */
public record ValidatorVersion(String moduleVersion) {

    public String of(Contract contract) {
        return moduleVersion + "+" + contract.rulesHash();
    }
}
