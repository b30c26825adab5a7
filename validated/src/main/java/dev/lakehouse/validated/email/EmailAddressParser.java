package dev.lakehouse.validated.email;

import java.text.Normalizer;

/**
 * Parses one address as an SMTP recipient: an RFC 5321 4.1.2 {@code Mailbox} with the RFC 6531
 * extensions, and nothing that only RFC 5322 message headers allow (no display names, comments,
 * folding white space or obsolete forms). The exact rule is in docs/email-address-rule.md.
 *
 * <p>Stateless, thread-safe, and total: every string gives {@link AddressCheck.Valid} or
 * {@link AddressCheck.Invalid}, never an exception.
 */
public final class EmailAddressParser {

    /** RFC 5321 4.5.3.1.1. */
    public static final int MAX_LOCAL_PART_OCTETS = 64;
    /** RFC 5321 4.5.3.1.3 (a path of 256 octets less the angle brackets; erratum 1690). */
    public static final int MAX_ADDRESS_OCTETS = 254;
    // UTF-16 length beyond which the address cannot fit in 254 octets, whatever its characters:
    // every UTF-16 unit is at least one octet in UTF-8 and at least half a character of an A-label.
    private static final int MAX_CHARS = 2 * MAX_ADDRESS_OCTETS;

    public AddressCheck parse(String address) {
        try {
            return new AddressCheck.Valid(parseOrRefuse(address));
        } catch (Refusal refusal) {
            return AddressCheck.invalid(refusal.getMessage());
        }
    }

    public boolean isValid(String address) {
        return parse(address) instanceof AddressCheck.Valid;
    }

    private static EmailAddress parseOrRefuse(String address) {
        checkShape(address);
        boolean quoted = address.charAt(0) == '"';
        int at = quoted ? QuotedLocalParts.end(address) : unquotedEnd(address);
        String localPart = address.substring(0, at);
        if (!quoted) {
            checkDotString(localPart);
        }
        int localOctets = utf8Length(localPart);
        if (localOctets > MAX_LOCAL_PART_OCTETS) {
            throw new Refusal("local part is " + localOctets + " octets; at most " + MAX_LOCAL_PART_OCTETS
                    + " (RFC 5321 4.5.3.1.1)");
        }
        String domain = address.substring(at + 1);
        boolean literal = domain.startsWith("[");
        String asciiDomain;
        boolean unicodeDomain = false;
        if (literal) {
            asciiDomain = AddressLiterals.check(domain);
        } else {
            if (domain.indexOf('@') >= 0) {
                throw new Refusal("has more than one @ (an @ in the local part must be inside a quoted string)");
            }
            DomainNames.Domain checked = DomainNames.check(domain);
            asciiDomain = checked.ascii();
            unicodeDomain = checked.unicode();
        }
        int total = localOctets + 1 + asciiDomain.length();
        if (total > MAX_ADDRESS_OCTETS) {
            throw new Refusal("is " + total + " octets; an address has at most " + MAX_ADDRESS_OCTETS + " (RFC 5321 4.5.3.1.3)");
        }
        boolean nonAsciiLocal = localOctets != localPart.length();
        boolean normalized = !(nonAsciiLocal || unicodeDomain) || Normalizer.isNormalized(address, Normalizer.Form.NFKC);
        return new EmailAddress(localPart, domain, asciiDomain, quoted, literal, nonAsciiLocal || unicodeDomain, normalized);
    }

    /** Refuses, with a helpful reason, the shapes models produce instead of a bare address. */
    private static void checkShape(String address) {
        if (address.isEmpty()) {
            throw new Refusal("is empty");
        }
        if (address.length() > MAX_CHARS) {
            throw new Refusal("is " + address.length() + " characters; an address has at most " + MAX_ADDRESS_OCTETS + " octets");
        }
        if (Character.isWhitespace(address.charAt(0)) || Character.isWhitespace(address.charAt(address.length() - 1))) {
            throw new Refusal("has white space around it");
        }
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
            throw new Refusal("is a mailto: URI; give only the address");
        }
        if (address.charAt(address.length() - 1) == '>' && address.indexOf('<') >= 0) {
            throw new Refusal("has a display name or angle brackets; give only the address, e.g. bob@example.com");
        }
    }

    private static int unquotedEnd(String address) {
        int at = address.indexOf('@');
        if (at < 0) {
            throw new Refusal("has no @");
        }
        if (at == 0) {
            throw new Refusal("has no local part before the @");
        }
        return at;
    }

    /** RFC 5321 Dot-string: Atom *("." Atom), atext extended by RFC 6531 with UTF8-non-ascii. */
    private static void checkDotString(String local) {
        if (local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.') {
            throw new Refusal("local part starts or ends with a dot (quote it, or remove the dot)");
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (cp == '.' && i + 1 < local.length() && local.charAt(i + 1) == '.') {
                throw new Refusal("local part has two dots in a row (quote it, or remove a dot)");
            }
            if (cp >= 128) {
                String refused = CodePoints.refusedNonAscii(cp);
                if (refused != null) {
                    throw new Refusal("local part contains " + refused + " (" + CodePoints.describe(cp) + ")");
                }
            } else if (cp != '.' && !CodePoints.isAsciiAtext(cp)) {
                throw new Refusal(describeUnquoted(cp));
            }
            i += Character.charCount(cp);
        }
    }

    private static String describeUnquoted(int c) {
        return switch (c) {
            case ' ', '\t' -> "local part contains white space (folding white space is not allowed)";
            case '\r', '\n' -> "contains a line break";
            case '(', ')' -> "local part contains a parenthesis (comments are not allowed)";
            case '"' -> "local part has a quote inside it; a quoted string must be the whole local part";
            case '\\' -> "local part has a backslash outside a quoted string";
            default -> c < 32 || c == 127 ? "contains a control character (" + CodePoints.describe(c) + ")"
                    : "local part contains '" + (char) c + "', which must be quoted";
        };
    }

    /** UTF-8 octets of {@code text}: surrogates count 2 each, 4 per pair; unpaired ones are refused earlier. */
    static int utf8Length(String text) {
        int octets = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                octets += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
            }
        }
        return octets;
    }
}
