package dev.lakehouse.validated.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the address parser over generated addresses (jqwik; the engine runs on the JUnit 6 platform). */
class EmailAddressParserPropertyTests {

    private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";
    private final EmailAddressParser parser = new EmailAddressParser();

    @Property(tries = 2000)
    void neverThrowsWhateverTheInput(@ForAll @StringLength(max = 600) String input) {
        AddressCheck check = parser.parse(input);

        assertThat(check).isNotNull();
    }

    @Property(tries = 2000)
    void neverThrowsOnAddressShapedNoise(@ForAll("addressShapedNoise") String input) {
        assertThat(parser.parse(input)).isNotNull();
    }

    @Property(tries = 1000)
    void acceptsEveryDotAtomAtAFullyQualifiedDomainWithinTheLimits(@ForAll("dotAtoms") String local,
            @ForAll("domains") String domain) {
        String address = local + "@" + domain;

        AddressCheck check = parser.parse(address);

        if (octets(local) <= 64 && octets(address) <= 254) {
            assertThat(check).as(address).isInstanceOf(AddressCheck.Valid.class);
            EmailAddress parsed = ((AddressCheck.Valid) check).address();
            assertThat(parsed.localPart()).isEqualTo(local);
            assertThat(parsed.asciiDomain()).isEqualTo(domain.toLowerCase());
        } else {
            assertThat(check).as(address).isInstanceOf(AddressCheck.Invalid.class);
        }
    }

    @Property(tries = 500)
    void quotingAValidDotAtomKeepsTheAddressValid(@ForAll("dotAtoms") String local) {
        String quoted = "\"" + local.replace("\\", "\\\\") + "\"@example.com";

        assertThat(parser.isValid(quoted)).as(quoted).isEqualTo(octets(quoted) - "@example.com".length() <= 64);
    }

    @Property(tries = 500)
    void aLocalPartLongerThan64OctetsIsAlwaysRefused(@ForAll("dotAtoms") String local, @ForAll @IntRange(min = 1, max = 40) int extra) {
        String longLocal = local + "a".repeat(Math.max(0, 65 - octets(local)) + extra - 1);

        assertThat(parser.isValid(longLocal + "@example.com")).isEqualTo(octets(longLocal) <= 64);
    }

    @Property(tries = 1000)
    void anInvisibleOrControlCharacterAnywhereMakesTheAddressInvalid(@ForAll("dotAtoms") String local,
            @ForAll("invisibles") char invisible, @ForAll @IntRange(min = 0, max = 200) int position) {
        String valid = local + "@example.com";
        int at = position % (valid.length() + 1);

        String tainted = valid.substring(0, at) + invisible + valid.substring(at);

        assertThat(parser.isValid(tainted)).as("U+%04X at %d in %s", (int) invisible, at, valid).isFalse();
    }

    @Property(tries = 500)
    void theDomainIsCaseInsensitive(@ForAll("dotAtoms") String local, @ForAll("domains") String domain) {
        assertThat(parser.isValid(local + "@" + domain.toUpperCase())).isEqualTo(parser.isValid(local + "@" + domain.toLowerCase()));
    }

    @Property(tries = 500)
    void theVerdictIsDeterministic(@ForAll("addressShapedNoise") String input) {
        assertThat(parser.parse(input)).isEqualTo(parser.parse(input));
    }

    @Property(tries = 300)
    void aULabelAndItsALabelAreTheSameDomain(@ForAll("unicodeLabels") String label) {
        AddressCheck unicode = parser.parse("bob@" + label + ".example");

        if (unicode instanceof AddressCheck.Valid(EmailAddress address)) {
            AddressCheck ascii = parser.parse("bob@" + address.asciiDomain());
            assertThat(ascii).isInstanceOf(AddressCheck.Valid.class);
            assertThat(((AddressCheck.Valid) ascii).address().asciiDomain()).isEqualTo(address.asciiDomain());
        }
    }

    @Provide
    Arbitrary<String> dotAtoms() {
        Arbitrary<String> atom = Arbitraries.strings().withChars(ATEXT).ofMinLength(1).ofMaxLength(20);
        return atom.list().ofMinSize(1).ofMaxSize(4).map(atoms -> String.join(".", atoms));
    }

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(61),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1))
                .as((first, middle, last) -> first + middle + last)
                .filter(l -> !(l.length() >= 4 && l.charAt(2) == '-' && l.charAt(3) == '-'));
        Arbitrary<String> topLevel = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(4), topLevel)
                .as((labels, tld) -> String.join(".", labels) + "." + tld)
                .map(domain -> Arbitraries.of(true, false).sample() ? domain.toUpperCase() : domain);
    }

    @Provide
    Arbitrary<String> addressShapedNoise() {
        return Arbitraries.strings().withChars("ab.@\"\\()[]<>:; -_xn1üé\u200b\t\r\n:IPv6").ofMaxLength(80);
    }

    @Provide
    Arbitrary<Character> invisibles() {
        return Arbitraries.of(List.of('\u0000', '\u0009', '\n', '\r', '\u007F', '\u0085', '\u00A0', '\u00AD', '\u061C', '\u200B',
                '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202E', '\u2060', '\u2066', '\u3000',
                '\u3164', '\uFE0F', '\uFEFF', '\uFFA0', '\uE000'));
    }

    @Provide
    Arbitrary<String> unicodeLabels() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u00e0', '\u00ff').withCharRange('\u0430', '\u044f')
                .ofMinLength(1).ofMaxLength(20);
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
