package dev.lakehouse.replayd.api;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.run.RunSpec;
import dev.lakehouse.replayd.source.SourceSpec;
import dev.lakehouse.replayd.target.TargetSpec;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code POST /v1/replays}. Strict: an unknown member, a wrong type or a value beyond a
 * limit is a 400 naming the member by JSON Pointer. Defaults come from
 * {@code lakehouse.replayd.defaults.*}, limits from {@code lakehouse.replayd.limits.*}.
 */
final class ReplayRequestReader {

    private static final Set<String> MEMBERS = Set.of("source", "target", "concurrency", "ratePerSecond", "maxRecords",
            "compare");
    /** chatd's model syntax: {@code provider/model}, split at the first slash. */
    private static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}/\\S{1,200}");
    static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ReplaydProperties properties;
    private final SourceReader sources;

    ReplayRequestReader(ReplaydProperties properties, SourceReader sources) {
        this.properties = properties;
        this.sources = sources;
    }

    RunSpec read(JsonNode body) {
        Members.object(body, "", MEMBERS, "a replay is {source, target, concurrency, ratePerSecond, maxRecords, compare}");
        TargetSpec target = target(Members.required(body, "target", ""));
        int concurrency = (int) Members.integer(body, "concurrency", "", properties.defaults().concurrency(), 1,
                properties.limits().maxConcurrency());
        double rate = rate(body);
        long maxRecords = Members.integer(body, "maxRecords", "", properties.defaults().maxRecords(), 1,
                properties.limits().maxRecords());
        Set<CompareMode> compare = compare(body.get("compare"));
        SourceSpec source = sources.read(Members.required(body, "source", ""));
        return new RunSpec(source, target, concurrency, rate, maxRecords, compare);
    }

    private static TargetSpec target(JsonNode target) {
        Members.object(target, "/target", Set.of("model", "role"), "a target is {model: \"provider/model\"} or {role}");
        String model = Members.string(target, "model", "/target");
        String role = Members.string(target, "role", "/target");
        if ((model == null) == (role == null)) {
            throw ReplaydException.invalid("/target", "name exactly one of model (provider/model, replayed under each"
                    + " record's role) or role (every record replayed under it, its chain picks the model)");
        }
        if (model != null && !MODEL.matcher(model).matches()) {
            throw ReplaydException.invalid("/target/model", "must be provider/model, e.g. openai/gpt-4o-mini or replay/cassette");
        }
        if (role != null && !ROLE.matcher(role).matches()) {
            throw ReplaydException.invalid("/target/role", "must be a role name: 1-64 letters, digits, '.', '_' or '-'");
        }
        return new TargetSpec(model, role);
    }

    private double rate(JsonNode body) {
        JsonNode node = body.get("ratePerSecond");
        if (node == null || node.isNull()) {
            return properties.defaults().ratePerSecond();
        }
        double max = properties.limits().maxRatePerSecond();
        if (!node.isNumber() || !(node.asDouble() > 0) || node.asDouble() > max) {
            throw ReplaydException.invalid("/ratePerSecond", "must be a number above 0 and at most " + max);
        }
        return node.asDouble();
    }

    private static Set<CompareMode> compare(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return EnumSet.allOf(CompareMode.class);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ReplaydException.invalid("/compare", "must be a non-empty array of validation, exact, similarity");
        }
        Set<CompareMode> modes = EnumSet.noneOf(CompareMode.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String pointer = "/compare/" + i;
            CompareMode mode = (item.isString() ? CompareMode.fromWireName(item.asString()) : Optional.<CompareMode>empty())
                    .orElseThrow(() -> ReplaydException.invalid(pointer, "must be one of validation, exact, similarity"));
            if (!modes.add(mode)) {
                throw ReplaydException.invalid("/compare/" + i, "names " + mode.wireName() + " twice");
            }
        }
        return modes;
    }
}
