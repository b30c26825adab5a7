package dev.lakehouse.validated.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressParserTests {

    private final EmailAddressParser parser = new EmailAddressParser();

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.com", "Bob.Smith+tag@sub.example.co.uk", "o'brien@example.ie", "a@b.co",
            "!#$%&'*+-/=?^_`{|}~@example.com", "\"bob smith\"@example.com", "\"bob@home\"@example.com", "\"a\\\\b\"@example.com",
            "bob@[192.0.2.1]", "bob@[IPv6:2001:db8::1]", "bob@[IPv6:2001:db8:0:0:0:0:0:1]", "bob@[ipv6:::ffff:192.0.2.1]",
            "bob@xn--bcher-kva.example", "bob@bücher.example", "jörg@bücher.example", "用户@例子.广告", "почта@пример.рф",
            "δοκιμή@παράδειγμα.δοκιμή", "अजय@डाटा.भारत", "bob@EXAMPLE.COM", "bob@example.c0m", "bob@123.example.com"})
    void acceptsSmtpRecipients(String address) {
        assertThat(parser.parse(address)).as(address).isInstanceOf(AddressCheck.Valid.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                   | is empty",
            "bob                                  | has no @",
            "bob@                                 | has no domain",
            "@example.com                         | has no local part",
            "bob.@example.com                     | starts or ends with a dot",
            "bo..b@example.com                    | two dots in a row",
            "bob@@example.com                     | more than one @",
            "bob@exa@mple.com                     | more than one @",
            "'\"a\".b@example.com'                | obsolete",
            "'\"\"@example.com'                   | empty quoted string",
            "'\"bob@example.com'                  | not closed",
            "bob(home)@example.com                | comments are not allowed",
            "'bob smith@example.com'              | folding white space",
            "'Bob <bob@example.com>'              | display name",
            "mailto:bob@example.com               | mailto",
            "'bob@example.com '                   | white space around it",
            "bob\\@example.com                    | backslash outside a quoted string",
            "bob,smith@example.com                | must be quoted",
            "bob@example                          | has no dot",
            "bob@example.com.                     | ends with a dot",
            "bob@.example.com                     | starts with a dot",
            "bob@exa..mple.com                    | empty label",
            "bob@-example.com                     | starts or ends with a hyphen",
            "bob@exa_mple.com                     | '_'",
            "bob@ab--cd.example                   | reserved",
            "bob@xn--bcher-kvb.example            | invalid A-label",
            "bob@192.0.2.1                        | address literal, e.g. [192.0.2.1]",
            "bob@example.123                      | all digits",
            "bob@[192.0.2.256]                    | not an IPv4 address literal",
            "bob@[IPv6:2001:db8::1::2]            | not a valid IPv6",
            "bob@[IPv6:1:2:3:4:5:6:7::]           | not a valid IPv6",
            "bob@[x400:foo]                       | not registered",
            "bob@[192.0.2.1                       | enclosed in [ and ]",
            "bob@☃.example                        | IDNA2008 does not allow",
            "bob@ｅｘａｍｐｌｅ.com                | not in the form it is registered in"})
    void refusesWithAReasonAUserCanActOn(String address, String reason) {
        AddressCheck check = parser.parse(address);

        assertThat(check).as(address).isInstanceOf(AddressCheck.Invalid.class);
        assertThat(((AddressCheck.Invalid) check).reason()).contains(reason);
    }

    @Test
    void refusesControlFormatAndInvisibleCharactersAnywhere() {
        for (String invisible : new String[] {"\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u0000", "\u0007",
                "\u0085", "\u00A0", "\u3000", "\u3164", "\uFE0F", "\uE000", "\uFFFD"}) {
            assertThat(parser.isValid("bo" + invisible + "b@example.com")).as("local part with U+%04X", (int) invisible.charAt(0)).isFalse();
            assertThat(parser.isValid("bob@exa" + invisible + "mple.com")).as("domain with U+%04X", (int) invisible.charAt(0)).isFalse();
            assertThat(parser.isValid("\"bo" + invisible + "b\"@example.com")).as("quoted with U+%04X", (int) invisible.charAt(0)).isFalse();
        }
    }

    @Test
    void measuresTheLocalPartInUtf8Octets() {
        assertThat(parser.isValid("ü".repeat(32) + "@example.com")).isTrue();

        AddressCheck tooLong = parser.parse("ü".repeat(33) + "@example.com");

        assertThat(((AddressCheck.Invalid) tooLong).reason()).contains("66 octets; at most 64");
    }

    @Test
    void measuresLabelsOfInternationalDomainsInTheirAsciiForm() {
        String label = "ü".repeat(60);

        AddressCheck check = parser.parse("bob@" + label + ".example");

        assertThat(((AddressCheck.Invalid) check).reason()).contains("in its ASCII form; at most 63");
    }

    @Test
    void limitsTheWholeAddressTo254Octets() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(40) + ".com";
        String fits = "a".repeat(254 - 1 - domain.length()) + "@" + domain;

        assertThat(parser.isValid(fits)).isTrue();
        assertThat(((AddressCheck.Invalid) parser.parse("a" + fits)).reason()).contains("255 octets");
    }

    @Test
    void givesTheAsciiFormOfTheDomainForComparisons() {
        EmailAddress address = ((AddressCheck.Valid) parser.parse("Jörg@Bücher.Example")).address();

        assertThat(address.asciiDomain()).isEqualTo("xn--bcher-kva.example");
        assertThat(address.localPart()).isEqualTo("Jörg");
        assertThat(address.internationalized()).isTrue();
        assertThat(address.normalized()).isTrue();
    }

    @Test
    void flagsAddressesThatAreNotInNormalizationFormKc() {
        EmailAddress decomposed = ((AddressCheck.Valid) parser.parse("jo\u0308rg@example.com")).address();
        EmailAddress fullwidth = ((AddressCheck.Valid) parser.parse("ｂｏｂ@example.com")).address();

        assertThat(decomposed.normalized()).isFalse();
        assertThat(fullwidth.normalized()).isFalse();
    }

    @Test
    void marksQuotedLocalPartsAndAddressLiterals() {
        EmailAddress quoted = ((AddressCheck.Valid) parser.parse("\"a b\"@[IPv6:2001:DB8::1]")).address();

        assertThat(quoted.quoted()).isTrue();
        assertThat(quoted.addressLiteral()).isTrue();
        assertThat(quoted.asciiDomain()).isEqualTo("[IPv6:2001:db8::1]");
    }
}
