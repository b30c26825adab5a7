package dev.lakehouse.chassis.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.GoldenFiles;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast path may only ever say "certainly valid" for records the schema accepts: checked on
 * the golden files and on many thousands of mutated observations, whose tricky values sit at
 * the edges of each constraint.
 */
class ObservationFastCheckTests {

    private static final SchemaId OBSERVATION = SchemaId.parse("lakehouse.observation/v1");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] VALUES = {"null", "true", "false", "0", "-1", "1", "1.0", "0.5", "2.5", "-0.5", "99", "100",
        "599", "600", "9223372036854775807", "123456789012345678901234567890", "1e300", "\"\"", "\"x\"", "\"ok\"",
        "\"invalid\"", "\"bleed\"", "\"text\"", "\"email\"", "\"fill:\"", "\"fill:x\"", "\"fill:a\\nb\"", "\"user\"",
        "\"tool\"", "\"openai\"", "\"replay\"", "\"rejected\"", "\"2026-11-24T09:16:00Z\"", "\"2026-11-24T09:16:00.001+01:00\"",
        "\"2026-02-30T00:00:00Z\"", "\"2026-11-24 09:16:00Z\"", "\"2026-11-24T24:00:00Z\"", "\"2026-11-24t09:16:00z\"",
        "\"2026-11-24T09:16:60Z\"", "\"2024-02-29T00:00:00Z\"", "\"2026-11-24T09:16:00.1234567891Z\"",
        "\"2026-11-24T09:16:00+24:00\"", "\"/a/b\"", "\"/a~2\"", "\"/a~0b\"", "\"a/b\"", "\"lakehouse.observation/v1\"",
        "\"lakehouse.validation-verdict/v1\"", "\"Email.Bad\"", "\"a.b_c\"", "\"error\"", "\"warning\"", "\"\\ud83d\\ude00\"",
        "\"" + "x".repeat(64) + "\"", "\"" + "x".repeat(65) + "\"", "\"" + "x".repeat(129) + "\"", "[]", "{}", "[\"a\"]", "[1]",
        "{\"a\":1}", "[{\"code\":\"a.b\",\"path\":\"/x\",\"message\":\"m\",\"severity\":\"error\"}]"};

    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @Test
    void everyGoldenValidObservationIsCertainlyValid() {
        for (String line : GoldenFiles.valid(OBSERVATION)) {
            assertThat(ObservationFastCheck.certainlyValid(JSON.readTree(line))).as(line).isTrue();
        }
    }

    @Test
    void noGoldenInvalidObservationIsCertainlyValid() {
        for (GoldenFiles.InvalidCase invalid : GoldenFiles.invalid(OBSERVATION)) {
            assertThat(ObservationFastCheck.certainlyValid(invalid.record())).as(invalid.record().toString()).isFalse();
        }
    }

    @Test
    void everyMutatedObservationTheFastPathAcceptsPassesTheFullSchema() {
        SplittableRandom random = new SplittableRandom(2026);
        List<JsonNode> originals = GoldenFiles.valid(OBSERVATION).stream().map(JSON::readTree).toList();
        int accepted = 0;
        int rejectedBySchema = 0;

        for (int i = 0; i < 40_000; i++) {
            JsonNode mutant = originals.get(random.nextInt(originals.size())).deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(mutant, random);
            }
            boolean schemaValid = schemaAccepts(mutant);
            boolean fast = ObservationFastCheck.certainlyValid(mutant);

            assertThat(!fast || schemaValid).as("fast path accepted what the schema rejects: " + mutant).isTrue();
            accepted += fast ? 1 : 0;
            rejectedBySchema += schemaValid ? 0 : 1;
        }

        assertThat(accepted).as("mutants the fast path vouched for").isGreaterThan(2_000);
        assertThat(rejectedBySchema).as("mutants the schema rejected").isGreaterThan(20_000);
    }

    @Test
    void theSchemaFilesAreTheOnesTheCheckWasWrittenFrom() throws Exception {
        // A change to either file must be mirrored in ObservationFastCheck (or be a new schema version).
        assertThat(sha256("dev/lakehouse/schemas/observation/v1.json"))
                .isEqualTo("c4e2da17d6c72866abc1d252b24be052c1abbedc00b230999f4d466558a594d0");
        assertThat(sha256("dev/lakehouse/schemas/validation-verdict/v1.json"))
                .isEqualTo("d4fa41a881ea92cb003618fb08b5231b17d90f511229e0074fcc83f71c5ad927");
    }

    /** As the reader sees it: a validator that throws rejects the line. */
    private boolean schemaAccepts(JsonNode record) {
        try {
            return catalog.validate(OBSERVATION, record).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void mutate(JsonNode root, SplittableRandom random) {
        List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
        collect(root, slots);
        Map.Entry<JsonNode, Object> slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = JSON.readTree(VALUES[random.nextInt(VALUES.length)]);
        if (slot.getKey() instanceof ObjectNode object) {
            String field = (String) slot.getValue();
            switch (random.nextInt(4)) {
                case 0 -> object.remove(field);
                case 1 -> object.set("unexpected", value);
                default -> object.set(field, value);
            }
        } else if (slot.getKey() instanceof ArrayNode array) {
            int index = (Integer) slot.getValue();
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.add(array.get(index).deepCopy());
                default -> array.set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
        if (node instanceof ObjectNode object) {
            for (String field : object.propertyNames()) {
                slots.add(Map.entry(object, field));
                collect(object.get(field), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Map.entry(array, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = ObservationFastCheckTests.class.getClassLoader().getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
