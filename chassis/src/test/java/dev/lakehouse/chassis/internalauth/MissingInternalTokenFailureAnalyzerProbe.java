package dev.lakehouse.chassis.internalauth;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** Opens the package-private analyzer to tests. */
public class MissingInternalTokenFailureAnalyzerProbe {

    public FailureAnalysis analyze(MissingInternalTokenException failure) {
        return new MissingInternalTokenFailureAnalyzer().analyze(failure, failure);
    }
}
