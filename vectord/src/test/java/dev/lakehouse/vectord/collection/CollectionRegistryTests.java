package dev.lakehouse.vectord.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.index.LuceneVectorIndexFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CollectionRegistryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    private CollectionRegistry open() throws IOException {
        return new CollectionRegistry(root, new LuceneVectorIndexFactory(16, 100, 16, Set.of(), new SimpleMeterRegistry()),
                JSON, new SimpleMeterRegistry());
    }

    private static CollectionSpec spec(String name) {
        return new CollectionSpec(name, 8, Metric.DOT, Quantization.INT4, "all-minilm", Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void collectionsSurviveARestartWithTheirSpec() throws IOException {
        try (CollectionRegistry registry = open()) {
            registry.create(spec("kept"));
        }

        try (CollectionRegistry reopened = open()) {

            assertThat(reopened.get("kept").spec()).isEqualTo(spec("kept"));
        }
        assertThat(root.resolve("kept").resolve("collection.json")).exists();
        assertThat(root.resolve("kept").resolve("index")).isDirectory();
    }

    @Test
    void leftoversOfAnInterruptedCreateOrDeleteAreRemovedAtStart() throws IOException {
        Files.createDirectories(root.resolve(".creating-half-1234abcd").resolve("index"));
        Files.createDirectories(root.resolve(".deleting-old-1234abcd"));

        try (CollectionRegistry registry = open()) {

            assertThat(registry.list()).isEmpty();
        }
        try (var entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void droppedCollectionLeavesNoFiles() throws IOException {
        try (CollectionRegistry registry = open()) {
            registry.create(spec("gone"));

            registry.drop("gone");

            assertThatThrownBy(() -> registry.get("gone")).isInstanceOf(VectordException.class);
        }
        try (var entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void metadataIsReplacedAtomically() throws IOException {
        Path file = root.resolve("meta.json");
        AtomicFiles.write(file, "{\"v\":1}".getBytes());

        AtomicFiles.write(file, "{\"v\":2}".getBytes());

        assertThat(file).hasContent("{\"v\":2}");
        assertThat(root.resolve("meta.json.tmp")).doesNotExist();
    }
}
