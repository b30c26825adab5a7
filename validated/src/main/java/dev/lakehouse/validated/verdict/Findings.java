package dev.lakehouse.validated.verdict;

import dev.lakehouse.schemas.verdict.Severity;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The violations of one validation, in the order the rules ran. Capped: past
 * {@code maxViolations} only the count grows, and the verdict ends with one
 * {@code verdict.truncated} warning, so a pathological payload cannot make a huge verdict.
 */
public final class Findings {

    public static final String TRUNCATED = "verdict.truncated";

    private final int maxViolations;
    private final List<Violation> violations = new ArrayList<>(4);
    private final Set<String> errorPaths = new HashSet<>();
    private int dropped;
    private boolean hasError;

    public Findings(int maxViolations) {
        this.maxViolations = maxViolations;
    }

    public void error(String code, String path, String message) {
        add(new Violation(code, path, message, Severity.ERROR));
    }

    public void warning(String code, String path, String message) {
        add(new Violation(code, path, message, Severity.WARNING));
    }

    public void info(String code, String path, String message) {
        add(new Violation(code, path, message, Severity.INFO));
    }

    public void add(Violation violation) {
        if (violation.severity() == Severity.ERROR) {
            hasError = true;
            errorPaths.add(violation.path());
        }
        if (violations.size() < maxViolations) {
            violations.add(violation);
        } else {
            dropped++;
        }
    }

    /** Whether an error was already reported at exactly {@code path}; later stages skip such values. */
    public boolean hasErrorAt(String path) {
        return errorPaths.contains(path);
    }

    public boolean hasErrors() {
        return hasError;
    }

    public List<Violation> toList() {
        if (dropped == 0) {
            return violations;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.add(Violation.warning(TRUNCATED, "", dropped + " more violation(s) were not listed; at most " + maxViolations
                + " are reported"));
        return all;
    }
}
