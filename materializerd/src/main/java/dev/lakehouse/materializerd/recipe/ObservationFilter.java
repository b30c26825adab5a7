package dev.lakehouse.materializerd.recipe;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Applies {@link Filters} to observation records (already valid against their schema). */
public final class ObservationFilter {

    private final Filters filters;

    public ObservationFilter(Filters filters) {
        this.filters = filters;
    }

    /** Why the observation is filtered out, or null when it passes. */
    public @Nullable String reject(JsonNode observation) {
        if (!matches(filters.roles(), observation.path("role").asString(""))) {
            return "role";
        }
        if (!matches(filters.providers(), observation.path("provider").asString(""))) {
            return "provider";
        }
        if (!matches(filters.models(), observation.path("model").asString(""))) {
            return "model";
        }
        if ((filters.from() != null || filters.to() != null) && !inDateRange(observation.path("ts").asString(""))) {
            return "date";
        }
        if (filters.minTokens() != null || filters.maxTokens() != null) {
            JsonNode total = observation.path("usage").path("totalTokens");
            if (!total.isNumber() || (filters.minTokens() != null && total.asLong() < filters.minTokens())
                    || (filters.maxTokens() != null && total.asLong() > filters.maxTokens())) {
                return "tokens";
            }
        }
        return null;
    }

    private static boolean matches(@Nullable List<String> allowed, String value) {
        return allowed == null || allowed.isEmpty() || allowed.contains(value);
    }

    // Partitions are chosen by date already; an observation near midnight may sit in the next
    // day's partition, so its own timestamp decides.
    private boolean inDateRange(String ts) {
        LocalDate date;
        try {
            date = OffsetDateTime.parse(ts).toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return false;
        }
        return (filters.from() == null || !date.isBefore(filters.from())) && (filters.to() == null || !date.isAfter(filters.to()));
    }
}
