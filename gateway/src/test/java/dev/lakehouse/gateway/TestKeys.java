package dev.lakehouse.gateway;

import dev.lakehouse.gateway.keys.ApiKey;
import dev.lakehouse.gateway.keys.KeySecrets;
import dev.lakehouse.gateway.keys.KeysFile;
import dev.lakehouse.gateway.keys.RateLimit;
import dev.lakehouse.gateway.keys.RouteGroup;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The keys the gateway's tests call with, and the keys file that holds their hashes. */
public final class TestKeys {

    public static final String ALL = "lh_test-all-access-0123456789abcdefghijklmnopqrstu";
    public static final String EMBED_ONLY = "lh_test-embed-only-0123456789abcdefghijklmnopqrst";
    public static final String RATE_LIMITED = "lh_test-rate-limited-0123456789abcdefghijklmnopq";
    public static final String ONE_AT_A_TIME = "lh_test-one-at-a-time-0123456789abcdefghijklmnop";
    public static final String NARROW = "lh_test-narrow-roles-collections-0123456789abcde";

    public static final List<ApiKey> KEYS = List.of(
            key("key_all", ALL, EnumSet.copyOf(RouteGroup.GRANTABLE), null, null, new RateLimit(100_000, 100_000), 1000),
            key("key_embed", EMBED_ONLY, EnumSet.of(RouteGroup.EMBED), null, null, new RateLimit(100_000, 100_000), 1000),
            key("key_rate", RATE_LIMITED, EnumSet.copyOf(RouteGroup.GRANTABLE), null, null, new RateLimit(0.5, 2), 1000),
            key("key_one", ONE_AT_A_TIME, EnumSet.copyOf(RouteGroup.GRANTABLE), null, null, new RateLimit(100_000, 100_000), 1),
            key("key_narrow", NARROW, EnumSet.of(RouteGroup.CHAT, RouteGroup.VECTORS), Set.of("writer", "support"),
                    Set.of("docs"), new RateLimit(100_000, 100_000), 1000));

    private TestKeys() {
    }

    public static Path writeTo(Path file) {
        KeysFile.write(file, KEYS);
        return file;
    }

    public static String bearer(String secret) {
        return "Bearer " + secret;
    }

    private static ApiKey key(String id, String secret, Set<RouteGroup> groups, Set<String> roles, Set<String> collections,
            RateLimit rate, int concurrency) {
        return new ApiKey(id, id, KeySecrets.sha256(secret), groups, roles, collections, rate, concurrency, null);
    }
}
