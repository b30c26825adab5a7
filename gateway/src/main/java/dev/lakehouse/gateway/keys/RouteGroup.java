package dev.lakehouse.gateway.keys;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a public path belongs to, as far as keys and the audit are concerned. The first seven
 * are granted to keys; the others are the gateway's own pages and what matches nothing.
 */
public enum RouteGroup {

    /** {@code /v1/embeddings}, {@code /api/embed}: embedd. */
    EMBED,
    /** {@code /v1/collections/**}: vectord. */
    VECTORS,
    /** {@code /v1/chat/completions}, {@code /api/chat}, {@code /v1/messages}: chatd. */
    CHAT,
    /** {@code /v1/validate/**}, {@code /v1/validators}: validated. */
    VALIDATE,
    /** {@code /v1/materializations/**}, {@code /v1/datasets/**}: materializerd. */
    DATASETS,
    /** {@code /v1/replays/**}: replayd. */
    REPLAYS,
    /** The gateway's operator surface: {@code /status} and its actuator beyond probes. */
    ADMIN,
    /** {@code /v1/health}: open, like the actuator probes. */
    HEALTH,
    /** {@code /v1/models}: any valid key. */
    MODELS,
    /** {@code /status}: needs the {@link #ADMIN} grant. */
    STATUS,
    /** Anything else (answered 404 by the gateway): any valid key. */
    NONE;

    /** The groups a key can be granted, in the order of the keys file's documentation. */
    public static final List<RouteGroup> GRANTABLE = List.of(EMBED, VECTORS, CHAT, VALIDATE, DATASETS, REPLAYS, ADMIN);

    /** The name in the keys file, the audit record and error messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RouteGroup parseGrant(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return GRANTABLE.stream().filter(group -> group.wireName().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown route group '" + name + "' (known: "
                        + String.join(", ", GRANTABLE.stream().map(RouteGroup::wireName).toList()) + ")"));
    }

    /** The group a key must hold to call a path of this group; null when any valid key will do. */
    public @Nullable RouteGroup requiredGrant() {
        return switch (this) {
            case STATUS -> ADMIN;
            case HEALTH, MODELS, NONE -> null;
            default -> this;
        };
    }

    public static RouteGroup of(String path) {
        if (under(path, "/v1/embeddings") || under(path, "/api/embed") || under(path, "/api/embeddings")) {
            return EMBED;
        }
        if (under(path, "/v1/collections")) {
            return VECTORS;
        }
        if (under(path, "/v1/chat/completions") || under(path, "/api/chat") || under(path, "/v1/messages")) {
            return CHAT;
        }
        if (under(path, "/v1/validate") || under(path, "/v1/validators")) {
            return VALIDATE;
        }
        if (under(path, "/v1/materializations") || under(path, "/v1/datasets")) {
            return DATASETS;
        }
        if (under(path, "/v1/replays")) {
            return REPLAYS;
        }
        return gatewayOwn(path);
    }

    private static RouteGroup gatewayOwn(String path) {
        if (path.equals("/v1/health")) {
            return HEALTH;
        }
        if (under(path, "/v1/models")) {
            return MODELS;
        }
        if (path.equals("/status")) {
            return STATUS;
        }
        if (under(path, "/actuator")) {
            return ADMIN;
        }
        return NONE;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
