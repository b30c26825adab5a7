package dev.lakehouse.validated.email;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.jspecify.annotations.Nullable;

/** Character classes of the address grammar. */
final class CodePoints {

    // RFC 5322 3.2.3 atext: ALPHA / DIGIT / "!#$%&'*+-/=?^_`{|}~"
    private static final boolean[] ATEXT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ATEXT[c] = true;
            ATEXT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ATEXT[c] = true;
        }
        for (char c : "!#$%&'*+-/=?^_`{|}~".toCharArray()) {
            ATEXT[c] = true;
        }
    }

    private CodePoints() {
    }

    static boolean isAsciiAtext(int c) {
        return c < 128 && ATEXT[c];
    }

    /** RFC 5321 4.1.2 qtextSMTP: %d32-33 / %d35-91 / %d93-126 (printable ASCII but '"' and '\'). */
    static boolean isQtextSmtp(int c) {
        return c >= 32 && c <= 126 && c != '"' && c != '\\';
    }

    static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Why a non-ASCII code point may not appear in an address, or {@code null} when it may
     * (RFC 6531 3.3 admits UTF8-non-ascii; we refuse what a reader cannot see or trust).
     */
    static @Nullable String refusedNonAscii(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible format character";
            case Character.SURROGATE -> "an unpaired surrogate";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.UNASSIGNED -> "an unassigned code point";
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "white space";
            default -> refusedOther(cp);
        };
    }

    private static @Nullable String refusedOther(int cp) {
        if (cp == 0xFFFD) {
            return "the replacement character U+FFFD (the text was mis-decoded)";
        }
        // Hangul fillers, variation selectors, combining grapheme joiner ...: render as nothing.
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return "an invisible character";
        }
        return null;
    }

    static String describe(int cp) {
        return String.format("U+%04X", cp);
    }
}
