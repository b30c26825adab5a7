package dev.lakehouse.replayd.source;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.schemas.SchemaViolation;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset versions materializerd wrote to the lake ({@code datasets/<recipe>/<name>/v<N>/},
 * DESIGN 5), read directly: a version with a manifest is complete and never changes, so replayd
 * needs no call to materializerd, and a replay works while materializerd is down.
 */
public final class DatasetCatalog {

    /** materializerd's dataset names: nothing that could leave the datasets directory. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** Recipes whose lines hold a prompt and its recorded answer. */
    static final Set<String> REPLAYABLE = Set.of("sft", "preference");
    private static final List<String> RECIPES = List.of("sft", "preference", "rag");
    private static final Set<String> SPLITS = Set.of("all", "train", "eval");
    private static final SchemaId MANIFEST = SchemaId.parse(DatasetManifest.SCHEMA);

    private final LakeReader reader;
    private final JsonMapper json;

    public DatasetCatalog(LakeReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    public Path datasetsDir() {
        return reader.lakeDir().resolve("datasets");
    }

    public Optional<StoredDataset> find(String name, int version) {
        if (!NAME.matcher(name).matches() || version < 1) {
            return Optional.empty();
        }
        for (String recipe : RECIPES) {
            Path dir = datasetsDir().resolve(recipe).resolve(name).resolve("v" + version);
            Path manifest = dir.resolve("manifest.json");
            if (Files.isRegularFile(manifest)) {
                return Optional.of(new StoredDataset(dir, readManifest(manifest)));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that a dataset can be replayed and settles what its lines do not say: the role
     * (given, or the one role its manifest's filters name) and the contract (given, or the one
     * recorded with that role's observations among the dataset's inputs).
     *
     * @throws SourceException saying what is missing or wrong
     */
    public DatasetSpec resolve(String name, int version, @Nullable String role, @Nullable String contract,
            @Nullable String split) {
        StoredDataset dataset = find(name, version).orElseThrow(() -> new SourceException(
                "no dataset " + name + "/v" + version + " in " + datasetsDir()));
        DatasetManifest manifest = dataset.manifest();
        if (!REPLAYABLE.contains(manifest.recipe())) {
            throw new SourceException("dataset " + name + "/v" + version + " is a " + manifest.recipe()
                    + " dataset, which holds no prompts; replay an sft or preference dataset");
        }
        if (split != null && !SPLITS.contains(split)) {
            throw new SourceException("split must be one of " + SPLITS.stream().sorted().toList());
        }
        String resolvedRole = role != null ? role : singleRole(manifest);
        String resolvedContract = contract != null ? contract : recordedContract(manifest, resolvedRole);
        return new DatasetSpec(name, version, resolvedRole, resolvedContract, split);
    }

    private String singleRole(DatasetManifest manifest) {
        Object roles = manifest.filters().get("roles");
        if (roles instanceof List<?> list && list.size() == 1 && list.getFirst() instanceof String only) {
            return only;
        }
        throw new SourceException("dataset " + manifest.name() + "/v" + manifest.version()
                + " was not made from exactly one role (its filters.roles is " + roles
                + "); name the role to replay its lines under in source.role");
    }

    private String recordedContract(DatasetManifest manifest, String role) {
        for (DatasetManifest.InputSegment input : manifest.inputs().segments()) {
            String found = contractIn(input, role);
            if (found != null) {
                return found;
            }
        }
        throw new SourceException("no observation of role '" + role + "' among the inputs of dataset "
                + manifest.name() + "/v" + manifest.version() + " says its contract; name it in source.contract"
                + " (text, email or fill:<schema id>)");
    }

    private @Nullable String contractIn(DatasetManifest.InputSegment input, String role) {
        Path path = reader.lakeDir().resolve(input.name()).normalize();
        if (!path.startsWith(reader.lakeDir()) || path.getParent() == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(path.getParent().getFileName().toString().replaceFirst("^dt=", ""));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        Segment segment = reader.current(new Segment(path, "observations", date, !input.name().endsWith(".open")));
        String[] contract = {null};
        try {
            reader.read(segment, input.bytes(), 1, line -> line, line -> {
                if (role.equals(line.record().path("role").asString(null))) {
                    contract[0] = line.record().path("contract").asString(null);
                    throw new Found();
                }
            });
        } catch (Found found) {
            return contract[0];
        }
        return null;
    }

    private DatasetManifest readManifest(Path file) {
        try {
            JsonNode node = json.readTree(Files.readString(file));
            List<SchemaViolation> violations = SchemaCatalog.standard().validate(MANIFEST, node);
            if (!violations.isEmpty()) {
                throw new SourceException("dataset manifest " + file + " breaks " + MANIFEST + ": " + violations.getFirst());
            }
            return json.treeToValue(node, DatasetManifest.class);
        } catch (IOException | JacksonException e) {
            throw new SourceException("dataset manifest " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stops a segment read at the first observation of the role. */
    private static final class Found extends RuntimeException {

        Found() {
            super(null, null, false, false);
        }
    }
}
