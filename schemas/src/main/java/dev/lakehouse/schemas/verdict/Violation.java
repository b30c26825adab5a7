package dev.lakehouse.schemas.verdict;

/**
 * One rule an output broke.
 *
 * @param code stable code, documented in docs/violation-codes.md
 * @param path RFC 6901 JSON Pointer into the validated payload ("" is the whole payload)
 */
public record Violation(String code, String path, String message, Severity severity) {

    public static Violation error(String code, String path, String message) {
        return new Violation(code, path, message, Severity.ERROR);
    }

    public static Violation warning(String code, String path, String message) {
        return new Violation(code, path, message, Severity.WARNING);
    }
}
