package dev.lakehouse.chassis.json;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the JSON parser every daemon reads request bodies with. A body that breaks one
 * fails to parse and is answered 400 like any malformed JSON; the body size limit
 * ({@code lakehouse.http.max-body-size}) bounds the document as a whole.
 *
 * @param maxNestingDepth deepest nesting of arrays and objects; Jackson's own default is 500,
 *     no request of the Lakehouse API comes near 100, and each level costs parser stack
 * @param maxStringLength longest single string value in characters (a long text to embed, a
 *     base64 image); Jackson's own default is 100 million
 * @param maxNumberLength most characters of one number; a double needs at most 24, and parsing a
 *     very long number into a {@code BigInteger} or {@code BigDecimal} is quadratic
 * @param maxNameLength longest property name in characters (payload field names included)
 */
@ConfigurationProperties("lakehouse.json")
public record JsonLimitsProperties(
        @DefaultValue("100") int maxNestingDepth,
        @DefaultValue("8388608") int maxStringLength,
        @DefaultValue("64") int maxNumberLength,
        @DefaultValue("1024") int maxNameLength) {
}
