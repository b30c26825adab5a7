package dev.lakehouse.validated.email;

import java.util.Locale;

/**
 * RFC 5321 4.1.3 address literals: {@code [IPv4]} and {@code [IPv6:...]}. The general form
 * {@code [tag:content]} needs a tag registered with IANA, and only "IPv6" is, so it is refused.
 */
final class AddressLiterals {

    private AddressLiterals() {
    }

    /** Checks {@code [ ... ]} and returns the literal as it is compared (hex digits in lower case). */
    static String check(String literal) {
        if (literal.length() < 3 || literal.charAt(literal.length() - 1) != ']') {
            throw new Refusal("address literal must be enclosed in [ and ]");
        }
        String content = literal.substring(1, literal.length() - 1);
        if (content.regionMatches(true, 0, "IPv6:", 0, 5)) {
            if (!isIpv6(content.substring(5))) {
                throw new Refusal("[" + content + "] is not a valid IPv6 address literal (RFC 5321 4.1.3)");
            }
            return "[IPv6:" + content.substring(5).toLowerCase(Locale.ROOT) + "]";
        }
        if (content.indexOf(':') >= 0) {
            throw new Refusal("address literal tag '" + content.substring(0, content.indexOf(':'))
                    + "' is not registered; only IPv4 and IPv6: literals are defined (RFC 5321 4.1.3)");
        }
        if (!isIpv4(content)) {
            throw new Refusal("[" + content + "] is not an IPv4 address literal (four numbers 0-255)");
        }
        return literal;
    }

    /** RFC 5321 IPv4-address-literal: Snum 3("." Snum), Snum = 1*3DIGIT with a value of 0-255. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 5321 IPv6-addr: IPv6-full (8 groups), IPv6-comp (at most 6 groups around one "::"),
     * IPv6v4-full (6 groups and an IPv4 address) and IPv6v4-comp (at most 4 groups around "::"
     * and an IPv4 address). An IPv4 tail counts as two groups.
     */
    static boolean isIpv6(String text) {
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String head = compressed < 0 ? text : text.substring(0, compressed);
        String tail = compressed < 0 ? "" : text.substring(compressed + 2);
        int lastColon = text.lastIndexOf(':');
        boolean v4Tail = text.indexOf('.') >= 0;
        if (v4Tail && (lastColon < 0 || !isIpv4(text.substring(lastColon + 1)))) {
            return false;
        }
        int groups;
        if (compressed < 0) {
            groups = hexGroups(v4Tail ? head.substring(0, head.lastIndexOf(':')) : head);
            return groups >= 0 && groups + (v4Tail ? 2 : 0) == 8;
        }
        int headGroups = head.isEmpty() ? 0 : hexGroups(head);
        String tailHex = v4Tail ? (tail.lastIndexOf(':') < 0 ? "" : tail.substring(0, tail.lastIndexOf(':'))) : tail;
        int tailGroups = tailHex.isEmpty() ? 0 : hexGroups(tailHex);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        return headGroups + tailGroups + (v4Tail ? 2 : 0) <= 6;
    }

    /** Number of colon-separated groups of 1-4 hex digits, or -1. */
    private static int hexGroups(String text) {
        String[] groups = text.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(AddressLiterals::isHex)) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
