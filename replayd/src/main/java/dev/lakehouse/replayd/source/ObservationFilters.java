package dev.lakehouse.replayd.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which observations a run replays; an empty list means any value.
 *
 * @param roles recorded roles to keep
 * @param from first day (UTC) of the observations' {@code ts}, inclusive
 * @param to last day (UTC), inclusive
 * @param providers providers of the recorded final output
 * @param models models of the recorded final output
 * @param outcomes recorded outcomes; by default {@code ok}, {@code flagged} and {@code rejected},
 *     the calls a model answered ({@code failed}, {@code denied} and {@code cancelled} ones have no
 *     output to compare)
 * @param contracts recorded contracts
 * @param keyIds API key ids the calls were made with (as the gateway forwarded them), to replay
 *     one application's traffic
 * @param includeReplays also replay the observations chatd recorded for earlier replays (their
 *     {@code keyId} starts with {@code replay:}); off by default, so a replay never feeds on replays
 */
public record ObservationFilters(
        List<String> roles,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<String> providers,
        List<String> models,
        List<String> outcomes,
        List<String> contracts,
        List<String> keyIds,
        boolean includeReplays) {

    public static final List<String> OUTCOMES = List.of("ok", "flagged", "rejected", "failed", "denied", "cancelled");
    public static final List<String> DEFAULT_OUTCOMES = List.of("flagged", "ok", "rejected");
    /** The {@code keyId} prefix chatd records for calls replayd makes. */
    public static final String REPLAY_KEY_PREFIX = "replay:";

    public ObservationFilters {
        roles = List.copyOf(roles);
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        outcomes = List.copyOf(outcomes);
        contracts = List.copyOf(contracts);
        keyIds = List.copyOf(keyIds);
    }

    public boolean matches(JsonNode observation) {
        return matches(roles, observation.path("role").asString(""))
                && matches(providers, observation.path("provider").asString(""))
                && matches(models, observation.path("model").asString(""))
                && matches(outcomes, observation.path("outcome").asString(""))
                && matches(contracts, observation.path("contract").asString(""))
                && matches(keyIds, observation.path("keyId").asString(""))
                && (includeReplays || !observation.path("keyId").asString("").startsWith(REPLAY_KEY_PREFIX))
                && inDateRange(observation.path("ts").asString(""));
    }

    /** The filters as the report shows them. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("roles", roles);
        map.put("from", from == null ? null : from.toString());
        map.put("to", to == null ? null : to.toString());
        map.put("providers", providers);
        map.put("models", models);
        map.put("outcomes", outcomes);
        map.put("contracts", contracts);
        map.put("keyIds", keyIds);
        map.put("includeReplays", includeReplays);
        return map;
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    // Partitions are chosen by date already; a call near midnight may sit in the next day's
    // partition, so its own timestamp decides.
    private boolean inDateRange(String ts) {
        if (from == null && to == null) {
            return true;
        }
        LocalDate date;
        try {
            date = OffsetDateTime.parse(ts).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return false;
        }
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
