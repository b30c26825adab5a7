/**
 * The EmailValidator and its centrepiece, the address parser: RFC 5321 mailboxes as used for
 * SMTP recipients, with RFC 6531 internationalised addresses (docs/email-address-rule.md).
 */
@NullMarked
package dev.lakehouse.validated.email;

import org.jspecify.annotations.NullMarked;
