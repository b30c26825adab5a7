package dev.lakehouse.chassis.internalauth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token into a start-up message that says what to do, instead of a stack trace. */
class MissingInternalTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingInternalTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingInternalTokenException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". Every Lakehouse daemon accepts calls only from the gateway and its peers,"
                        + " which prove themselves with this shared token, so a daemon without one refuses to start.",
                "Set LAKEHOUSE_INTERNAL_TOKEN to the same random value (at least "
                        + InternalAuthProperties.MIN_TOKEN_LENGTH + " characters, e.g. `openssl rand -hex 24`) for"
                        + " every daemon, or start the suite with ./lakehouse up, which generates one.",
                cause);
    }
}
