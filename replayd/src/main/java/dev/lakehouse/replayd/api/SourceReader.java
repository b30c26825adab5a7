package dev.lakehouse.replayd.api;

import dev.lakehouse.replayd.source.DatasetCatalog;
import dev.lakehouse.replayd.source.DatasetSpec;
import dev.lakehouse.replayd.source.ObservationFilters;
import dev.lakehouse.replayd.source.SourceException;
import dev.lakehouse.replayd.source.SourceSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a replay's {@code source}: {@code {dataset: "name/version", role?, contract?, split?}}
 * or {@code {observations: {roles, from, to, providers, models, outcomes, contracts, keyIds, includeReplays}}}.
 * A dataset is looked up at once, so a missing or unreplayable one is a 400 now, not a failed run later.
 */
final class SourceReader {

    private static final Set<String> MEMBERS = Set.of("dataset", "observations", "role", "contract", "split");
    private static final Set<String> FILTERS = Set.of("roles", "from", "to", "providers", "models", "outcomes",
            "contracts", "keyIds", "includeReplays");
    private static final Pattern DATASET = Pattern.compile("([a-z0-9][a-z0-9_-]{0,63})/v?([1-9][0-9]{0,8})");
    /** The contracts chatd and validated know: text, email, or fill with a schema id. */
    private static final Pattern CONTRACT = Pattern.compile("text|email|fill:[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    private final DatasetCatalog datasets;
    private final int maxFilterValues;

    SourceReader(DatasetCatalog datasets, int maxFilterValues) {
        this.datasets = datasets;
        this.maxFilterValues = maxFilterValues;
    }

    SourceSpec read(JsonNode source) {
        Members.object(source, "/source", MEMBERS,
                "a source is {dataset: \"name/version\", role?, contract?, split?} or {observations: {filters}}");
        boolean dataset = source.has("dataset") && !source.get("dataset").isNull();
        boolean observations = source.has("observations") && !source.get("observations").isNull();
        if (dataset == observations) {
            throw ReplaydException.invalid("/source", "name exactly one of dataset or observations");
        }
        if (observations) {
            for (String member : List.of("role", "contract", "split")) {
                if (source.has(member)) {
                    throw ReplaydException.invalid("/source/" + member, "applies to a dataset source only");
                }
            }
            return SourceSpec.of(filters(source.get("observations")));
        }
        return SourceSpec.of(dataset(source));
    }

    private DatasetSpec dataset(JsonNode source) {
        String ref = Members.string(source, "dataset", "/source");
        Matcher m = DATASET.matcher(ref == null ? "" : ref);
        if (!m.matches()) {
            throw ReplaydException.invalid("/source/dataset", "must be name/version, e.g. email-sft/1 or email-sft/v1");
        }
        String role = Members.string(source, "role", "/source");
        if (role != null && !ReplayRequestReader.ROLE.matcher(role).matches()) {
            throw ReplaydException.invalid("/source/role", "must be a role name: 1-64 letters, digits, '.', '_' or '-'");
        }
        String contract = contract(Members.string(source, "contract", "/source"), "/source/contract");
        String split = Members.string(source, "split", "/source");
        try {
            return datasets.resolve(m.group(1), Integer.parseInt(m.group(2)), role, contract, split);
        } catch (SourceException e) {
            throw ReplaydException.invalid("/source/dataset", e.getMessage());
        }
    }

    private ObservationFilters filters(JsonNode filters) {
        String at = "/source/observations";
        Members.object(filters, at, FILTERS, "filters are " + FILTERS.stream().sorted().toList());
        LocalDate from = date(filters, "from", at);
        LocalDate to = date(filters, "to", at);
        if (from != null && to != null && from.isAfter(to)) {
            throw ReplaydException.invalid(at + "/from", "is after to (" + to + ")");
        }
        List<String> outcomes = Members.strings(filters, "outcomes", at, maxFilterValues);
        for (int i = 0; i < outcomes.size(); i++) {
            if (!ObservationFilters.OUTCOMES.contains(outcomes.get(i))) {
                throw ReplaydException.invalid(at + "/outcomes", "'" + outcomes.get(i) + "' is not an outcome; outcomes are "
                        + ObservationFilters.OUTCOMES);
            }
        }
        List<String> contracts = Members.strings(filters, "contracts", at, maxFilterValues);
        contracts.forEach(contract -> contract(contract, at + "/contracts"));
        return new ObservationFilters(Members.strings(filters, "roles", at, maxFilterValues), from, to,
                Members.strings(filters, "providers", at, maxFilterValues),
                Members.strings(filters, "models", at, maxFilterValues),
                filters.has("outcomes") ? outcomes : ObservationFilters.DEFAULT_OUTCOMES, contracts,
                Members.strings(filters, "keyIds", at, maxFilterValues), Members.bool(filters, "includeReplays", at));
    }

    private static @Nullable String contract(@Nullable String contract, String pointer) {
        if (contract != null && !CONTRACT.matcher(contract).matches()) {
            throw ReplaydException.invalid(pointer, "'" + contract + "' is not text, email or fill:<schema id>");
        }
        return contract;
    }

    private static @Nullable LocalDate date(JsonNode filters, String name, String at) {
        String text = Members.string(filters, name, at);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ReplaydException.invalid(at + "/" + name, "must be a date YYYY-MM-DD");
        }
    }
}
