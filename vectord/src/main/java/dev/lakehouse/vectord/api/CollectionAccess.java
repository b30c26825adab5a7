package dev.lakehouse.vectord.api;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.vectord.VectordException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The collections the caller's API key may use, as the gateway forwards them in
 * {@code X-Lakehouse-Allowed-Collections}: comma-separated names, {@code *} for all; no header
 * means all (a call from a peer daemon, or a gateway without per-key collections).
 */
public record CollectionAccess(@Nullable Set<String> allowed) {

    public static final CollectionAccess ALL = new CollectionAccess(null);

    public static CollectionAccess of(HttpServletRequest request) {
        return parse(request.getHeader(LakehouseHeaders.ALLOWED_COLLECTIONS));
    }

    public static CollectionAccess parse(@Nullable String header) {
        if (header == null) {
            return ALL;
        }
        Set<String> names = Arrays.stream(header.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return names.contains("*") ? ALL : new CollectionAccess(names);
    }

    public boolean allows(String collection) {
        return allowed == null || allowed.contains(collection);
    }

    public void require(String collection) {
        if (!allows(collection)) {
            throw VectordException.collectionForbidden(collection);
        }
    }
}
