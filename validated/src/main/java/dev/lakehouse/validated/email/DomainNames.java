package dev.lakehouse.validated.email;

import com.ibm.icu.text.IDNA;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Domains of SMTP recipients: RFC 5321 4.1.2 sub-domains (letters, digits, hyphens) and, per
 * RFC 6531 3.3, IDNA2008 U-labels. Limits are measured on the ASCII form (RFC 5890 A-labels):
 * labels of at most 63 octets, the domain at most 253 (RFC 1035 2.3.4 less the root label).
 * The domain must be fully qualified: at least two labels, and a top-level label that is not
 * all digits (RFC 3696 2), so a bare IP address must be written as an address literal.
 */
final class DomainNames {

    static final int MAX_LABEL_OCTETS = 63;
    static final int MAX_DOMAIN_OCTETS = 253;

    // UTS #46 non-transitional processing (ß and ς stay themselves, as in IDNA2008) with the
    // IDNA2008 Bidi (RFC 5893) and CONTEXTJ/CONTEXTO (RFC 5892 appendix A) rules.
    private static final IDNA IDNA2008 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);
    private static final Set<Integer> FULL_STOP_LOOKALIKES = Set.of(0x3002, 0xFF0E, 0xFF61);

    private DomainNames() {
    }

    /** A checked domain: its lower-case ASCII form, and whether it was written with U-labels. */
    record Domain(String ascii, boolean unicode) {
    }

    static Domain check(String domain) {
        if (domain.isEmpty()) {
            throw new Refusal("has no domain after the @");
        }
        if (domain.charAt(domain.length() - 1) == '.') {
            throw new Refusal("domain ends with a dot");
        }
        boolean ascii = domain.chars().allMatch(c -> c < 128);
        String asciiForm = ascii ? checkAscii(domain) : checkUnicode(domain);
        checkQualified(asciiForm);
        return new Domain(asciiForm, !ascii);
    }

    private static String checkAscii(String domain) {
        int start = 0;
        boolean encoded = false;
        while (start <= domain.length()) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            encoded |= checkLdhLabel(domain, start, end);
            start = end + 1;
        }
        if (domain.length() > MAX_DOMAIN_OCTETS) {
            throw new Refusal("domain is " + domain.length() + " octets; at most " + MAX_DOMAIN_OCTETS);
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        if (encoded) {
            checkALabels(lower);
        }
        return lower;
    }

    /** Checks one LDH label; returns whether it is an A-label ({@code xn--}). */
    private static boolean checkLdhLabel(String domain, int start, int end) {
        if (start == end) {
            throw new Refusal(start == 0 ? "domain starts with a dot" : "domain has an empty label (two dots in a row)");
        }
        String label = domain.substring(start, end);
        if (end - start > MAX_LABEL_OCTETS) {
            throw new Refusal("domain label '" + abbreviate(label) + "' is " + label.length() + " octets; at most "
                    + MAX_LABEL_OCTETS + " (RFC 1035 2.3.4)");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!CodePoints.isAsciiLetterOrDigit(c) && c != '-') {
                throw new Refusal(c == '_' ? "domain label '" + label + "' contains '_', which host names may not (RFC 5321 4.1.2)"
                        : "domain contains " + quoteChar(c) + ", which is not allowed in a domain");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw new Refusal("domain label '" + label + "' starts or ends with a hyphen");
        }
        if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
            if (!label.regionMatches(true, 0, "xn", 0, 2)) {
                throw new Refusal("domain label '" + label
                        + "' has hyphens in the third and fourth positions, which are reserved (RFC 5891 4.2.3.1)");
            }
            return true;
        }
        return false;
    }

    /** A-labels must decode to valid U-labels and be their canonical encoding (RFC 5891 5.4). */
    private static void checkALabels(String lower) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder unicode = IDNA2008.nameToUnicode(lower, new StringBuilder(), info);
        if (info.hasErrors()) {
            throw new Refusal("domain '" + lower + "' has an invalid A-label (" + describe(info) + ")");
        }
        checkULabelCharacters(unicode.toString());
        IDNA.Info back = new IDNA.Info();
        String reencoded = IDNA2008.nameToASCII(unicode, new StringBuilder(), back).toString();
        if (back.hasErrors() || !reencoded.equals(lower)) {
            throw new Refusal("domain '" + lower + "' has an A-label that is not the canonical encoding of its U-label");
        }
    }

    private static String checkUnicode(String domain) {
        checkULabelCharacters(domain);
        String canonical = Normalizer.normalize(domain.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        IDNA.Info info = new IDNA.Info();
        String ascii = IDNA2008.nameToASCII(domain, new StringBuilder(), info).toString();
        if (hasErrorsBesidesLength(info)) {
            throw new Refusal("domain '" + domain + "' is not a valid internationalised domain name (" + describe(info) + ")");
        }
        IDNA.Info back = new IDNA.Info();
        String unicode = IDNA2008.nameToUnicode(ascii, new StringBuilder(), back).toString();
        if (hasErrorsBesidesLength(back) || !unicode.equals(canonical)) {
            throw new Refusal("domain '" + domain + "' is not in the form it is registered in (it maps to '" + unicode
                    + "'); write that form");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.length() > MAX_LABEL_OCTETS) {
                throw new Refusal("domain label '" + abbreviate(label) + "' is " + label.length()
                        + " octets in its ASCII form; at most " + MAX_LABEL_OCTETS);
            }
        }
        if (ascii.length() > MAX_DOMAIN_OCTETS) {
            throw new Refusal("domain is " + ascii.length() + " octets in its ASCII form; at most " + MAX_DOMAIN_OCTETS);
        }
        return ascii;
    }

    /**
     * Code points a U-label may hold: RFC 5892 2.1 LetterDigits (Ll, Lu, Lo, Lm, Mn, Mc, Nd;
     * upper case is mapped to lower case, as UTS #46 does), the hyphen and the RFC 5892 2.6
     * exceptions. Symbols, punctuation and emoji are DISALLOWED in IDNA2008 (RFC 5892 2.2).
     */
    private static void checkULabelCharacters(String domain) {
        for (int i = 0; i < domain.length(); ) {
            int cp = domain.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                continue;
            }
            if (FULL_STOP_LOOKALIKES.contains(cp)) {
                throw new Refusal("domain uses " + CodePoints.describe(cp) + " as a label separator; use '.'");
            }
            String refused = CodePoints.refusedNonAscii(cp);
            if (refused != null) {
                throw new Refusal("domain contains " + refused + " (" + CodePoints.describe(cp) + ")");
            }
            if (!isLetterDigit(cp)) {
                throw new Refusal("domain contains " + new String(Character.toChars(cp)) + " (" + CodePoints.describe(cp)
                        + "), a symbol or punctuation that IDNA2008 does not allow (RFC 5892)");
            }
        }
    }

    private static boolean isLetterDigit(int cp) {
        return switch (Character.getType(cp)) {
            case Character.LOWERCASE_LETTER, Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.OTHER_LETTER, Character.MODIFIER_LETTER, Character.NON_SPACING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
            // RFC 5892 2.6 exceptions that are PVALID or CONTEXTO although not letters or digits.
            default -> cp == 0x00B7 || cp == 0x0375 || cp == 0x05F3 || cp == 0x05F4 || cp == 0x30FB || cp == 0x3007;
        };
    }

    private static void checkQualified(String ascii) {
        int lastDot = ascii.lastIndexOf('.');
        if (lastDot < 0) {
            throw new Refusal("domain '" + ascii + "' has no dot; a recipient needs a fully qualified domain (RFC 5321 2.3.5)"
                    + " or an address literal");
        }
        String topLevel = ascii.substring(lastDot + 1);
        if (topLevel.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(AddressLiterals.isIpv4(ascii)
                    ? "an IP address must be written as an address literal, e.g. [" + ascii + "] (RFC 5321 4.1.3)"
                    : "top-level domain '" + topLevel + "' is all digits (RFC 3696 2)");
        }
    }

    /** Length errors are reported by our own checks, which say which label and how long. */
    private static boolean hasErrorsBesidesLength(IDNA.Info info) {
        return info.getErrors().stream().anyMatch(error -> error != IDNA.Error.LABEL_TOO_LONG
                && error != IDNA.Error.DOMAIN_NAME_TOO_LONG);
    }

    private static String describe(IDNA.Info info) {
        return info.getErrors().stream().map(error -> error.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .sorted().reduce((a, b) -> a + ", " + b).orElse("invalid");
    }

    private static String quoteChar(char c) {
        return c < 32 || c == 127 ? "a control character (" + CodePoints.describe(c) + ")" : "'" + c + "'";
    }

    private static String abbreviate(String label) {
        return label.length() <= 20 ? label : label.substring(0, 17) + "...";
    }
}
