package dev.lakehouse.validated.email;

/**
 * RFC 5321 4.1.2 Quoted-string: DQUOTE *QcontentSMTP DQUOTE, where QcontentSMTP is qtextSMTP
 * or a quoted pair of a backslash and a printable ASCII character; RFC 6531 3.3 adds
 * UTF8-non-ascii to qtextSMTP. The quoted string must be the whole local part.
 */
final class QuotedLocalParts {

    private QuotedLocalParts() {
    }

    /** Index of the {@code @} after the closing quote. */
    static int end(String address) {
        int i = 1;
        while (i < address.length()) {
            int cp = address.codePointAt(i);
            if (cp == '"') {
                return afterClosingQuote(address, i);
            }
            if (cp == '\\') {
                int escaped = i + 1 < address.length() ? address.charAt(i + 1) : -1;
                if (escaped < 32 || escaped > 126) {
                    throw new Refusal("a backslash in a quoted local part must escape a printable ASCII character");
                }
                i += 2;
                continue;
            }
            checkQtext(cp);
            i += Character.charCount(cp);
        }
        throw new Refusal("quoted local part is not closed");
    }

    private static int afterClosingQuote(String address, int closing) {
        if (closing == 1) {
            throw new Refusal("local part is an empty quoted string, which names no mailbox");
        }
        int at = closing + 1;
        if (at >= address.length()) {
            throw new Refusal("has no @");
        }
        if (address.charAt(at) != '@') {
            throw new Refusal("a quoted string must be the whole local part (mixing quoted and unquoted parts is obsolete"
                    + " RFC 5322 syntax)");
        }
        return at;
    }

    private static void checkQtext(int cp) {
        if (cp >= 128) {
            String refused = CodePoints.refusedNonAscii(cp);
            if (refused != null) {
                throw new Refusal("local part contains " + refused + " (" + CodePoints.describe(cp) + ")");
            }
        } else if (!CodePoints.isQtextSmtp(cp)) {
            throw new Refusal(cp == '\r' || cp == '\n' ? "contains a line break"
                    : cp == '\t' ? "quoted local part contains a tab (folding white space is not allowed)"
                    : "contains a control character (" + CodePoints.describe(cp) + ")");
        }
    }
}
