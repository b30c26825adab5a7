package dev.lakehouse.chatd.role;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid roles file into a start-up message that lists what to fix, instead of a stack trace. */
class RolesFileFailureAnalyzer extends AbstractFailureAnalyzer<RolesFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RolesFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the roles file named by LAKEHOUSE_ROLES_FILE (" + cause.location() + "), or unset the variable to"
                        + " use the sample shipped in chatd. The format is described in docs/readme/chatd.md.",
                cause);
    }
}
