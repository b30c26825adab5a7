package dev.lakehouse.validated.email;

/**
 * A mailbox that passed {@link EmailAddressParser}.
 *
 * @param localPart the local part exactly as written (quotes included when quoted)
 * @param domain the domain as written, or the address literal with its brackets
 * @param asciiDomain the domain in lower case with every label in its ASCII form (A-labels,
 *     RFC 5890), or the literal as written; domain lists are matched against it
 * @param quoted the local part is a quoted string (RFC 5321 4.1.2 Quoted-string)
 * @param addressLiteral the domain is an address literal (RFC 5321 4.1.3)
 * @param internationalized the address needs SMTPUTF8 (RFC 6531): non-ASCII local part or U-labels
 * @param normalized the address is in Unicode Normalization Form KC: no decomposed accents
 *     (RFC 6532 3.1 recommends NFC) and no compatibility look-alikes such as fullwidth letters
 */
public record EmailAddress(String localPart, String domain, String asciiDomain, boolean quoted, boolean addressLiteral,
        boolean internationalized, boolean normalized) {

    /** The address with the domain in its ASCII form: the same mailbox, comparable across spellings. */
    public String canonical() {
        return localPart + "@" + asciiDomain;
    }
}
