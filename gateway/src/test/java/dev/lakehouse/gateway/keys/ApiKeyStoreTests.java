package dev.lakehouse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.gateway.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTests {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void findsAKeyBySecretAndNothingByItsHash() {
        ApiKeyStore store = store(TestKeys.writeTo(dir.resolve("keys.yml")));

        assertThat(store.find(TestKeys.ALL)).map(ApiKey::id).hasValue("key_all");
        assertThat(store.find(KeySecrets.sha256(TestKeys.ALL))).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find("x".repeat(10_000))).isEmpty();
        store.destroy();
    }

    @Test
    void changedFileAppliesWithoutRestartAndARevokedKeyStopsWorking() {
        Path file = TestKeys.writeTo(dir.resolve("keys.yml"));
        ApiKeyStore store = store(file);

        KeysFile.write(file, List.of(TestKeys.KEYS.get(1)));
        store.reloadIfChanged();

        assertThat(store.find(TestKeys.ALL)).isEmpty();
        assertThat(store.find(TestKeys.EMBED_ONLY)).isPresent();
        assertThat(meters.get("lakehouse.gateway.keys.reloads").tag("result", "loaded").counter().count()).isEqualTo(1);
        store.destroy();
    }

    @Test
    void invalidEditKeepsTheKeysLoadedBeforeAndSaysWhy() throws Exception {
        Path file = TestKeys.writeTo(dir.resolve("keys.yml"));
        ApiKeyStore store = store(file);

        Files.writeString(file, "keys:\n  - id: broken\n");
        store.reloadIfChanged();

        assertThat(store.find(TestKeys.ALL)).isPresent();
        assertThat(store.lastError()).contains("broken");
        assertThat(meters.get("lakehouse.gateway.keys.reloads").tag("result", "rejected").counter().count()).isEqualTo(1);
        store.destroy();
    }

    @Test
    void missingFileMeansNoKeysAndCreatingItLaterAddsThem() {
        Path file = dir.resolve("later.yml");
        ApiKeyStore store = store(file);
        boolean foundBefore = store.find(TestKeys.ALL).isPresent();

        TestKeys.writeTo(file);
        store.reloadIfChanged();

        assertThat(foundBefore).isFalse();
        assertThat(store.find(TestKeys.ALL)).isPresent();
        store.destroy();
    }

    @Test
    void invalidFileAtStartStopsTheGatewayNamingTheFile() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "keys: [1, 2");

        assertThatThrownBy(() -> store(file)).hasMessageContaining(file.toString()).hasMessageContaining("invalid");
    }

    private ApiKeyStore store(Path file) {
        return new ApiKeyStore(new KeysProperties(file, Duration.ofHours(1), true, List.of()), meters);
    }
}
