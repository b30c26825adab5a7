package dev.lakehouse.validated;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of validated ({@code lakehouse.validated.*}).
 *
 * @param contractsDir directory of further contract files ({@code *.json}: fill contracts and
 *     email rulesets), read at start; a file there replaces a shipped contract of the same id.
 *     A missing directory is not an error.
 * @param maxBatchItems the most items in one {@code POST /v1/validate/batch} (413 beyond)
 * @param maxPayloadChars the longest string payload and the longest {@code context.source}, in
 *     UTF-16 characters (413 beyond); JSON payloads are bounded by the HTTP body limit
 * @param maxViolations the most violations one verdict lists; the rest are counted in a final
 *     {@code verdict.truncated} warning
 * @param sensitive sensitive-data detection
 */
@ConfigurationProperties("lakehouse.validated")
public record ValidatedProperties(
        @Nullable Path contractsDir,
        @DefaultValue("1000") int maxBatchItems,
        @DefaultValue("1000000") int maxPayloadChars,
        @DefaultValue("200") int maxViolations,
        @DefaultValue Sensitive sensitive) {

    public ValidatedProperties {
        if (maxBatchItems < 1 || maxPayloadChars < 1 || maxViolations < 1) {
            throw new IllegalArgumentException("lakehouse.validated.max-* settings must be at least 1");
        }
    }

    /**
     * @param nationalIds national identity number patterns (Java regular expressions) by name;
     *     setting any entry replaces the whole default set (us-ssn, uk-nino)
     */
    public record Sensitive(@Nullable Map<String, String> nationalIds) {

        /** US Social Security numbers as written with hyphens, and UK National Insurance numbers. */
        public static final Map<String, String> DEFAULT_NATIONAL_IDS = Map.of(
                "us-ssn", "\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b",
                "uk-nino", "\\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");

        public Map<String, String> effectiveNationalIds() {
            return nationalIds == null ? DEFAULT_NATIONAL_IDS : nationalIds;
        }
    }
}
