package dev.lakehouse.chassis;

/** Header names every daemon and the gateway agree on. */
public final class LakehouseHeaders {

    /** Correlates one client request across every daemon it touches. */
    public static final String REQUEST_ID = "X-Request-Id";

    /** Proves a call comes from the gateway or a peer daemon; the gateway strips it from clients. */
    public static final String INTERNAL_TOKEN = "X-Lakehouse-Internal-Token";

    /** Id (never the secret) of the API key the gateway authenticated. */
    public static final String KEY_ID = "X-Lakehouse-Key-Id";

    /** Comma-separated roles the caller's key may use; absent means all. */
    public static final String ALLOWED_ROLES = "X-Lakehouse-Allowed-Roles";

    /** Comma-separated collections the caller's key may use; absent means all. */
    public static final String ALLOWED_COLLECTIONS = "X-Lakehouse-Allowed-Collections";

    /** How much of an embedding answer came from a cache: {@code hit}, {@code miss} or {@code partial}. */
    public static final String CACHE = "X-Lakehouse-Cache";

    private LakehouseHeaders() {
    }
}
