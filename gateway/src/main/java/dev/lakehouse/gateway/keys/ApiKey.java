package dev.lakehouse.gateway.keys;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One API key as the gateway knows it: never the secret, only its sha256.
 *
 * @param id stable public name of the key; forwarded to daemons and written to the audit
 * @param name what the key is for, for people
 * @param sha256 lower-case hex sha256 of the secret
 * @param groups route groups the key may call
 * @param roles chat roles the key may use; null for all (forwarded to chatd, which enforces them)
 * @param collections vector collections the key may use; null for all (forwarded to vectord)
 * @param rate requests per second and burst
 * @param maxConcurrent requests of this key in flight at once (streams count until they end)
 * @param created when the key was added
 */
public record ApiKey(
        String id,
        String name,
        String sha256,
        Set<RouteGroup> groups,
        @Nullable Set<String> roles,
        @Nullable Set<String> collections,
        RateLimit rate,
        int maxConcurrent,
        @Nullable Instant created) {

    /** Keys file ids: short, safe in headers, logs and file names. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Role and collection names: no comma, since the forwarded headers are comma-separated. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public static final int DEFAULT_MAX_CONCURRENT = 16;

    public ApiKey {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of key '" + id + "' must be 64 lower-case hex characters");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max-concurrent of key '" + id + "' must be at least 1");
        }
        groups = Set.copyOf(groups);
        roles = checkedNames(roles, "role", id);
        collections = checkedNames(collections, "collection", id);
    }

    public boolean allows(RouteGroup group) {
        return groups.contains(group);
    }

    private static @Nullable Set<String> checkedNames(@Nullable Set<String> names, String what, String id) {
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + " '" + name + "' of key '" + id
                        + "' must be 1-128 characters of [A-Za-z0-9_.:-]");
            }
        }
        return Set.copyOf(names);
    }
}
