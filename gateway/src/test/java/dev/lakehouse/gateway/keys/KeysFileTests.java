package dev.lakehouse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.gateway.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysFileTests {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void writtenKeysReadBackEqualAndTheFileIsTheOwnersOnly() throws Exception {
        Path file = dir.resolve("api-keys.yml");

        KeysFile.write(file, TestKeys.KEYS);

        assertThat(KeysFile.read(file)).isEqualTo(TestKeys.KEYS);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).startsWith("# Lakehouse API keys").doesNotContain(TestKeys.ALL);
    }

    @Test
    void absentRolesCollectionsRateAndConcurrencyTakeTheirDefaults() {
        List<ApiKey> keys = KeysFile.parse(yaml("""
                keys:
                  - id: key_a
                    sha256: %s
                    groups: [embed, chat]
                """.formatted(SHA)));

        ApiKey key = keys.getFirst();
        assertThat(key.groups()).containsExactlyInAnyOrder(RouteGroup.EMBED, RouteGroup.CHAT);
        assertThat(key.roles()).isNull();
        assertThat(key.collections()).isNull();
        assertThat(key.rate()).isEqualTo(RateLimit.DEFAULT);
        assertThat(key.maxConcurrent()).isEqualTo(ApiKey.DEFAULT_MAX_CONCURRENT);
        assertThat(key.name()).isEqualTo("key_a");
    }

    @Test
    void starMeansEveryRoleAndAnEmptyListNone() {
        ApiKey key = KeysFile.parse(yaml("""
                keys:
                  - id: key_a
                    sha256: %s
                    groups: [chat]
                    roles: ["*"]
                    collections: []
                """.formatted(SHA))).getFirst();

        assertThat(key.roles()).isNull();
        assertThat(key.collections()).isEmpty();
    }

    @Test
    void commentsOnlyFileHasNoKeys() {
        assertThat(KeysFile.parse(yaml("# nothing yet\n\n"))).isEmpty();
        assertThat(KeysFile.parse(new byte[0])).isEmpty();
    }

    @Test
    void mistakesNameTheKeyAndTheField() {
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: %s\n    groups: [chats]\n".formatted(SHA))))
                .hasMessageContaining("key 'key_a'").hasMessageContaining("unknown route group 'chats'");
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: nothex\n    groups: [chat]\n")))
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: %s\n".formatted(SHA))))
                .hasMessageContaining("no groups");
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: %s\n    groups: [chat]\n    rate: {requests-per-second: 0}\n".formatted(SHA))))
                .hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: %s\n    groups: [chat]\n    roles: [\"a,b\"]\n".formatted(SHA))))
                .hasMessageContaining("role 'a,b'");
        assertThatThrownBy(() -> KeysFile.parse(yaml("keys:\n  - id: key_a\n    sha256: %s\n    groups: [chat]\n    colour: red\n".formatted(SHA))))
                .hasMessageContaining("not a valid keys file");
    }

    @Test
    void duplicateIdsAndHashesAreRefused() {
        String twice = "keys:\n  - {id: key_a, sha256: %s, groups: [chat]}\n  - {id: key_a, sha256: %s, groups: [chat]}\n";
        String sameHash = "keys:\n  - {id: key_a, sha256: %s, groups: [chat]}\n  - {id: key_b, sha256: %s, groups: [chat]}\n";

        assertThatThrownBy(() -> KeysFile.parse(yaml(twice.formatted(SHA, "b".repeat(64))))).hasMessageContaining("twice");
        assertThatThrownBy(() -> KeysFile.parse(yaml(sameHash.formatted(SHA, SHA)))).hasMessageContaining("same sha256");
    }

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
