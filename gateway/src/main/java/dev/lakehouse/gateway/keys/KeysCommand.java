package dev.lakehouse.gateway.keys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code keys add|list|revoke}: edits the keys file without starting the gateway, run as
 * {@code java -jar gateway-exec.jar keys ...} (what {@code ./lakehouse keys} does). The secret of
 * a new key is printed once, and written to {@code --secret-file} when asked; only its sha256
 * is kept.
 */
public final class KeysCommand {

    static final String USAGE = """
            usage: keys add --groups all|GROUP,... [--name NAME] [--roles ROLE,...] [--collections NAME,...]
                            [--rate REQUESTS_PER_SECOND] [--burst N] [--max-concurrent N] [--secret-file PATH]
                   keys list
                   keys revoke KEY_ID
              groups: embed, vectors, chat, validate, datasets, replays, admin (all: every one)
              roles, collections: "*" (the default) for all
              keys file: --file PATH, else $LAKEHOUSE_API_KEYS_FILE, else $LAKEHOUSE_DATA_DIR/api-keys.yml""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public KeysCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 wrong usage). */
    public int run(List<String> args) {
        try {
            CommandOptions options = CommandOptions.parse(args);
            List<String> words = options.words();
            if (words.isEmpty() || words.getFirst().equals("help")) {
                out.println(USAGE);
                return 0;
            }
            Path file = keysFile(options.take("file"));
            return switch (words.getFirst()) {
                case "add" -> add(file, options);
                case "list" -> list(file);
                case "revoke" -> revoke(file, words.size() > 1 ? words.get(1) : null);
                default -> throw new IllegalArgumentException("unknown command '" + words.getFirst() + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("keys: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("keys: " + e.getMessage());
            return 1;
        }
    }

    private int add(Path file, CommandOptions options) throws IOException {
        String groupsOption = options.take("groups");
        if (groupsOption == null) {
            throw new IllegalArgumentException("add needs --groups (all, or some of embed,vectors,chat,validate,datasets,replays,admin)");
        }
        Set<RouteGroup> groups = new LinkedHashSet<>();
        if (groupsOption.equals("all")) {
            groups.addAll(RouteGroup.GRANTABLE);
        } else {
            CommandOptions.split(groupsOption).forEach(name -> groups.add(RouteGroup.parseGrant(name)));
        }
        RateLimit rate = new RateLimit(options.number("rate", RateLimit.DEFAULT.requestsPerSecond()),
                (int) options.number("burst", RateLimit.DEFAULT.burst()));
        int concurrency = (int) options.number("max-concurrent", ApiKey.DEFAULT_MAX_CONCURRENT);
        String secret = KeySecrets.newSecret();
        String id = KeySecrets.newId();
        String name = options.take("name");
        ApiKey key = new ApiKey(id, name == null ? id : name, KeySecrets.sha256(secret), groups,
                options.namesOrAll("roles"), options.namesOrAll("collections"), rate, concurrency,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String secretFile = options.take("secret-file");
        options.requireAllUsed("add");
        try (FileChannel channel = lockFile(file); FileLock ignored = channel.lock()) {
            List<ApiKey> keys = new ArrayList<>(KeysFile.read(file));
            keys.add(key);
            KeysFile.write(file, keys);
        }
        if (secretFile != null) {
            writeSecret(Path.of(secretFile), secret);
        }
        out.printf("Added %s (%s) to %s: groups %s; %s req/s, burst %d; %d concurrent.%n", key.id(), key.name(), file,
                groupNames(groups), plain(rate.requestsPerSecond()), rate.burst(), concurrency);
        out.println("Its secret, shown this once (only its sha256 is stored)"
                + (secretFile == null ? "" : ", also in " + secretFile) + ":");
        out.println(secret);
        return 0;
    }

    private int list(Path file) {
        List<ApiKey> keys = KeysFile.read(file);
        if (keys.isEmpty()) {
            out.println("No keys in " + file + "; add one with: keys add --groups all --name NAME");
            return 0;
        }
        String format = "%-18s %-14s %-50s %-12s %-12s %-12s %-5s %s%n";
        out.printf(format, "ID", "NAME", "GROUPS", "ROLES", "COLLECTIONS", "RATE/BURST", "CONC", "CREATED");
        for (ApiKey key : keys) {
            out.printf(format, key.id(), key.name(),
                    groupNames(key.groups()),
                    key.roles() == null ? "*" : String.join(",", key.roles().stream().sorted().toList()),
                    key.collections() == null ? "*" : String.join(",", key.collections().stream().sorted().toList()),
                    plain(key.rate().requestsPerSecond()) + "/" + key.rate().burst(), key.maxConcurrent(),
                    key.created() == null ? "-" : key.created().toString());
        }
        return 0;
    }

    private int revoke(Path file, @Nullable String id) throws IOException {
        if (id == null) {
            throw new IllegalArgumentException("revoke needs the id of a key (see keys list)");
        }
        try (FileChannel channel = lockFile(file); FileLock ignored = channel.lock()) {
            List<ApiKey> keys = new ArrayList<>(KeysFile.read(file));
            ApiKey revoked = keys.stream().filter(key -> key.id().equals(id)).findFirst().orElse(null);
            if (revoked == null) {
                err.println("keys: no key with id " + id + " in " + file);
                return 1;
            }
            keys.remove(revoked);
            KeysFile.write(file, keys);
            out.printf("Revoked %s (%s); the gateway refuses it once it has reloaded %s (within seconds).%n",
                    revoked.id(), revoked.name(), file);
        }
        return 0;
    }

    private Path keysFile(@Nullable String option) {
        if (option != null) {
            return Path.of(option);
        }
        String configured = env.get("LAKEHOUSE_API_KEYS_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(env.getOrDefault("LAKEHOUSE_DATA_DIR", "./data"), "api-keys.yml");
    }

    /** Two runs of the command at once must not lose each other's key. */
    private static FileChannel lockFile(Path file) throws IOException {
        Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(lockFile.getParent());
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void writeSecret(Path path, String secret) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.deleteIfExists(path);
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, secret + "\n");
    }

    private static String groupNames(Set<RouteGroup> groups) {
        return String.join(",", RouteGroup.GRANTABLE.stream().filter(groups::contains).map(RouteGroup::wireName).toList());
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
