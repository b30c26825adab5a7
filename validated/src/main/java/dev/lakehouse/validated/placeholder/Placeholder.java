package dev.lakehouse.validated.placeholder;

/**
 * One placeholder found in a text.
 *
 * @param text the placeholder exactly as written, e.g. {@code [Name]}
 * @param offset index of its first character in the scanned text
 */
public record Placeholder(PlaceholderStyle style, String text, int offset) {
}
