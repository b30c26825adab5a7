package dev.lakehouse.schemas;

/**
 * One way a record breaks its schema.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending value ("" is the whole record)
 * @param keyword the JSON Schema keyword that failed, e.g. {@code required} or {@code type}
 * @param message a human-readable explanation
 */
public record SchemaViolation(String pointer, String keyword, String message) {
}
