package dev.lakehouse.validated.email;

import com.ibm.icu.text.IDNA;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Domain allow and deny lists. Entries are compared in their lower-case ASCII form, so
 * {@code bücher.example} and {@code xn--bcher-kva.example} are the same entry; an entry matches
 * the domain itself and every subdomain. An address literal matches only an entry written as
 * that literal.
 */
public final class DomainList {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.USE_STD3_RULES);

    private DomainList() {
    }

    static List<String> normalise(@Nullable List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        return domains.stream().map(DomainList::normalise).distinct().toList();
    }

    /** The lower-case ASCII form of a list entry; refuses what can never match a domain. */
    public static String normalise(String domain) {
        String trimmed = domain.strip();
        if (trimmed.startsWith("[")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (trimmed.startsWith("*.")) {
            trimmed = trimmed.substring(2);
        }
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(trimmed, new StringBuilder(), info).toString();
        if (trimmed.isEmpty() || info.hasErrors()) {
            throw new IllegalArgumentException("'" + domain + "' is not a domain");
        }
        return ascii;
    }

    /** Whether {@code asciiDomain} (lower case) is an entry of {@code list} or a subdomain of one. */
    public static boolean matches(List<String> list, String asciiDomain) {
        for (String entry : list) {
            if (asciiDomain.equals(entry) || (asciiDomain.endsWith(entry) && asciiDomain.length() > entry.length()
                    && asciiDomain.charAt(asciiDomain.length() - entry.length() - 1) == '.')) {
                return true;
            }
        }
        return false;
    }
}
