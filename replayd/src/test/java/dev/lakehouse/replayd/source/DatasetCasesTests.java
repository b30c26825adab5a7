package dev.lakehouse.replayd.source;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.replayd.testing.LakeFixtures;
import dev.lakehouse.schemas.SchemaCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset versions as materializerd lays them out in the lake, read as replay cases. */
class DatasetCasesTests {

    private static final String SFT = """
            {"messages":[{"role":"system","content":"You write emails."},{"role":"user","content":"Tell bob."},\
            {"role":"assistant","content":"{\\"to\\":[\\"bob@example.com\\"]}"}]}
            {"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello.","weight":0},\
            {"role":"user","content":"Name a colour."},{"role":"assistant","content":"Blue.","weight":1}]}
            """;
    private static final String PREFERENCE = """
            {"input":{"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q1"}]},\
            "preferred_output":[{"role":"assistant","content":"good"}],"non_preferred_output":[{"role":"assistant","content":"bad"}]}
            {"prompt":[{"role":"user","content":"Q2"}],"chosen":[{"role":"assistant","content":"fine"}],\
            "rejected":[{"role":"assistant","content":"poor"}]}
            """;

    @TempDir
    Path lake;

    private DatasetCatalog catalog;
    private DatasetCases cases;

    @BeforeEach
    void lakeWithAnObservation() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl",
                LakeFixtures.observation("o1", "Tell bob.", "{}", Instant.parse("2026-11-24T09:00:00Z")));
        catalog = new DatasetCatalog(new LakeReader(lake, JSON, SchemaCatalog.standard()), JSON);
        cases = new DatasetCases(catalog, JSON);
    }

    @Test
    void fineTuningLinesAreReplayedWithoutTheirSystemMessageAgainstTheirLastAnswer() throws Exception {
        dataset("sft", "email-sft", 1, List.of("email-writer"), Map.of("part-00000.jsonl", SFT));
        DatasetSpec spec = catalog.resolve("email-sft", 1, null, null, null);

        List<ReplayCase> read = read(spec);

        assertThat(read).hasSize(2);
        ReplayCase first = read.getFirst();
        assertThat(first.recordId()).isEqualTo("email-sft/v1/part-00000.jsonl#1");
        assertThat(first.source()).isEqualTo("datasets/sft/email-sft/v1/part-00000.jsonl#1");
        assertThat(first.systemPrompt()).isEqualTo("You write emails.");
        assertThat(first.messages()).extracting(m -> m.role() + ":" + m.content()).containsExactly("user:Tell bob.");
        assertThat(first.originalOutput()).isEqualTo("{\"to\":[\"bob@example.com\"]}");
        assertThat(read.get(1).messages()).extracting(m -> m.content()).containsExactly("Hi", "Hello.", "Name a colour.");
        assertThat(read.get(1).originalOutput()).isEqualTo("Blue.");
    }

    @Test
    void theRoleComesFromTheManifestsOneRoleAndTheContractFromItsInputObservations() throws Exception {
        dataset("sft", "email-sft", 1, List.of("email-writer"), Map.of("part-00000.jsonl", SFT));

        DatasetSpec spec = catalog.resolve("email-sft", 1, null, null, null);

        assertThat(spec.role()).isEqualTo("email-writer");
        assertThat(spec.contract()).isEqualTo("email");
    }

    @Test
    void preferenceLinesOfBothFormatsCompareWithThePreferredAnswer() throws Exception {
        dataset("preference", "email-prefs", 2, List.of(), Map.of("part-00000.jsonl", PREFERENCE));
        DatasetSpec spec = catalog.resolve("email-prefs", 2, "email-writer", "text", null);

        List<ReplayCase> read = read(spec);

        assertThat(read).extracting(ReplayCase::originalOutput).containsExactly("good", "fine");
        assertThat(read.getFirst().systemPrompt()).isEqualTo("S");
        assertThat(read.get(1).messages()).extracting(m -> m.content()).containsExactly("Q2");
    }

    @Test
    void aDatasetOfSeveralRolesNeedsTheRoleNamed() throws Exception {
        dataset("sft", "mixed", 1, List.of("a", "b"), Map.of("part-00000.jsonl", SFT));

        assertThatThrownBy(() -> catalog.resolve("mixed", 1, null, null, null)).isInstanceOf(SourceException.class)
                .hasMessageContaining("source.role");
    }

    @Test
    void aRoleWithoutObservationsAmongTheInputsNeedsTheContractNamed() throws Exception {
        dataset("sft", "other", 1, List.of("assistant"), Map.of("part-00000.jsonl", SFT));

        assertThatThrownBy(() -> catalog.resolve("other", 1, null, null, null)).isInstanceOf(SourceException.class)
                .hasMessageContaining("source.contract");
        assertThat(catalog.resolve("other", 1, null, "text", null).contract()).isEqualTo("text");
    }

    @Test
    void aRagDatasetOrAMissingOneCannotBeReplayed() throws Exception {
        dataset("rag", "corpus", 1, List.of("assistant"), Map.of("part-00000.jsonl", "{\"id\":\"x\",\"text\":\"t\",\"metadata\":{}}\n"));

        assertThatThrownBy(() -> catalog.resolve("corpus", 1, "assistant", "text", null))
                .isInstanceOf(SourceException.class).hasMessageContaining("holds no prompts");
        assertThatThrownBy(() -> catalog.resolve("corpus", 9, null, null, null))
                .isInstanceOf(SourceException.class).hasMessageContaining("no dataset corpus/v9");
    }

    @Test
    void aFileThatNoLongerMatchesItsManifestIsRefused() throws Exception {
        Path dir = dataset("sft", "email-sft", 1, List.of("email-writer"), Map.of("part-00000.jsonl", SFT));
        DatasetSpec spec = catalog.resolve("email-sft", 1, null, null, null);
        Files.writeString(dir.resolve("part-00000.jsonl"), SFT.replace("bob", "eve"));

        assertThatThrownBy(() -> cases.pin(spec, 100)).isInstanceOf(SourceException.class)
                .hasMessageContaining("does not match its manifest");
    }

    @Test
    void aSplitReadsOnlyItsFilesAndMaxRecordsBoundsTheRun() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("part-train-00000.jsonl", SFT);
        files.put("part-eval-00000.jsonl", SFT);
        dataset("sft", "split", 1, List.of("email-writer"), files);

        Pin eval = cases.pin(catalog.resolve("split", 1, null, null, "eval"), 100);
        Pin capped = cases.pin(catalog.resolve("split", 1, null, null, null), 3);

        assertThat(eval.files()).extracting(PinnedFile::path).containsExactly("datasets/sft/split/v1/part-eval-00000.jsonl");
        assertThat(capped.total()).isEqualTo(3);
    }

    private List<ReplayCase> read(DatasetSpec spec) {
        Pin pin = cases.pin(spec, 100);
        List<ReplayCase> read = new ArrayList<>();
        cases.stream(spec, pin, 0, pin.total(), read::add);
        return read;
    }

    /** A complete dataset version with a schema-valid manifest, as materializerd commits one. */
    private Path dataset(String recipe, String name, int version, List<String> roles, Map<String, String> files)
            throws Exception {
        Path dir = lake.resolve("datasets").resolve(recipe).resolve(name).resolve("v" + version);
        Files.createDirectories(dir);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(file.getKey()), bytes);
            String split = file.getKey().contains("eval") ? "eval" : file.getKey().contains("train") ? "train" : "all";
            String format = switch (recipe) {
                case "sft" -> "lakehouse.sft-example/v1";
                case "preference" -> "lakehouse.preference-pair/v1";
                default -> "lakehouse.rag-chunk/v1";
            };
            entries.add(Map.of("name", file.getKey(), "split", split, "format", format,
                    "lines", file.getValue().lines().count(), "bytes", bytes.length, "sha256", sha256(bytes)));
        }
        Path segment = lake.resolve("observations/dt=2026-11-24/chatd-t1-000000.jsonl");
        byte[] segmentBytes = Files.readAllBytes(segment);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", "lakehouse.dataset-manifest/v1");
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.put("recipe", recipe);
        manifest.put("fingerprint", sha256(name.getBytes(StandardCharsets.UTF_8)));
        manifest.put("createdAt", "2026-11-25T10:00:00Z");
        manifest.put("software", Map.of("name", "materializerd", "version", "0.1.0", "recipeVersion", 1));
        manifest.put("filters", Map.of("roles", roles));
        manifest.put("options", Map.of());
        manifest.put("inputs", Map.of("segments", List.of(Map.of("name", "observations/dt=2026-11-24/chatd-t1-000000.jsonl",
                "bytes", segmentBytes.length, "sha256", sha256(segmentBytes)))));
        manifest.put("counts", Map.of("read", 1, "kept", 1, "dropped", Map.of(), "tornLines", 0, "invalidLines", 0));
        manifest.put("files", entries);
        Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        return dir;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
