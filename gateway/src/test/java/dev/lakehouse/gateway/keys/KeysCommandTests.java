package dev.lakehouse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTests {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addPrintsTheSecretOnceAndStoresOnlyItsHash() throws Exception {
        int code = run("add", "--name", "ci", "--groups", "embed,chat", "--roles", "writer", "--rate", "5", "--burst", "10",
                "--max-concurrent", "2");

        assertThat(code).isZero();
        String secret = out.toString().lines().toList().getLast();
        assertThat(secret).startsWith("lh_").hasSize(46);
        Path file = dataDir.resolve("api-keys.yml");
        assertThat(Files.readString(file)).doesNotContain(secret).contains(KeySecrets.sha256(secret));
        ApiKey key = KeysFile.read(file).getFirst();
        assertThat(key.name()).isEqualTo("ci");
        assertThat(key.groups()).containsExactlyInAnyOrder(RouteGroup.EMBED, RouteGroup.CHAT);
        assertThat(key.roles()).containsExactly("writer");
        assertThat(key.collections()).isNull();
        assertThat(key.rate()).isEqualTo(new RateLimit(5, 10));
        assertThat(key.maxConcurrent()).isEqualTo(2);
    }

    @Test
    void addWithASecretFileWritesTheKeyAloneReadableByItsOwnerOnly() throws Exception {
        Path secretFile = dataDir.resolve("dev-api-key");

        int code = run("add", "--name", "dev", "--groups", "all", "--secret-file", secretFile.toString());

        assertThat(code).isZero();
        String secret = Files.readString(secretFile).strip();
        assertThat(KeysFile.read(dataDir.resolve("api-keys.yml")).getFirst().sha256()).isEqualTo(KeySecrets.sha256(secret));
        assertThat(KeysFile.read(dataDir.resolve("api-keys.yml")).getFirst().groups()).containsExactlyInAnyOrderElementsOf(RouteGroup.GRANTABLE);
        assertThat(Files.getPosixFilePermissions(secretFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void listShowsKeysWithoutSecretsOrHashesAndRevokeRemovesOne() throws Exception {
        run("add", "--name", "first", "--groups", "all");
        run("add", "--name", "second", "--groups", "embed");
        List<ApiKey> keys = KeysFile.read(dataDir.resolve("api-keys.yml"));
        out.reset();

        run("list");
        String listing = out.toString();
        int revoked = run("revoke", keys.getFirst().id());

        assertThat(listing).contains("first").contains("second").contains(keys.getFirst().id())
                .doesNotContain(keys.getFirst().sha256());
        assertThat(revoked).isZero();
        assertThat(KeysFile.read(dataDir.resolve("api-keys.yml"))).extracting(ApiKey::name).containsExactly("second");
    }

    @Test
    void wrongUsageExplainsItselfWithExitCode2() throws Exception {
        assertThat(run("add", "--name", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--groups").contains("usage:");
        assertThat(run("add", "--groups", "everything")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("revoke", "key_nope")).isEqualTo(1);
        assertThat(Files.exists(dataDir.resolve("api-keys.yml"))).isFalse();
    }

    @Test
    void keysFileComesFromTheEnvironmentFirst() throws Exception {
        Path elsewhere = dataDir.resolve("elsewhere/keys.yml");

        int code = new KeysCommand(new PrintStream(out), new PrintStream(err),
                Map.of("LAKEHOUSE_API_KEYS_FILE", elsewhere.toString(), "LAKEHOUSE_DATA_DIR", dataDir.toString()))
                .run(List.of("add", "--groups", "chat"));

        assertThat(code).isZero();
        assertThat(KeysFile.read(elsewhere)).hasSize(1);
    }

    private int run(String... args) {
        return new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("LAKEHOUSE_DATA_DIR", dataDir.toString())).run(List.of(args));
    }
}
