package dev.lakehouse.materializerd.recipe;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lakehouse.materializerd.MaterializerdException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which observations a recipe reads; every field is optional and an empty list means any.
 *
 * @param roles observation {@code role}s to keep
 * @param from first partition date (UTC) to read, inclusive
 * @param to last partition date (UTC) to read, inclusive
 * @param providers {@code provider}s of the final output to keep
 * @param models {@code model}s of the final output to keep
 * @param minTokens least {@code usage.totalTokens} to keep
 * @param maxTokens most {@code usage.totalTokens} to keep
 */
@JsonPropertyOrder({"roles", "from", "to", "providers", "models", "minTokens", "maxTokens"})
public record Filters(
        @Nullable List<String> roles,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable List<String> providers,
        @Nullable List<String> models,
        @Nullable Integer minTokens,
        @Nullable Integer maxTokens) {

    /** At most this many values in one filter list. */
    public static final int MAX_VALUES = 100;

    public static Filters none() {
        return new Filters(null, null, null, null, null, null, null);
    }

    /** Checks the filters and sorts their lists, so equal filters always fingerprint the same. */
    public Filters normalized() {
        if (from != null && to != null && from.isAfter(to)) {
            throw MaterializerdException.invalid("filters.from (" + from + ") is after filters.to (" + to + ")");
        }
        if (minTokens != null && minTokens < 0 || maxTokens != null && maxTokens < 0) {
            throw MaterializerdException.invalid("filters.minTokens and filters.maxTokens must not be negative");
        }
        if (minTokens != null && maxTokens != null && minTokens > maxTokens) {
            throw MaterializerdException.invalid("filters.minTokens is greater than filters.maxTokens");
        }
        return new Filters(sorted("roles", roles), from, to, sorted("providers", providers), sorted("models", models),
                minTokens, maxTokens);
    }

    private static List<String> sorted(String field, @Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw MaterializerdException.invalid("filters." + field + " has more than " + MAX_VALUES + " values");
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw MaterializerdException.invalid("filters." + field + " has an empty value");
        }
        return values.stream().distinct().sorted().toList();
    }
}
