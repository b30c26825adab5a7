package dev.lakehouse.schemas.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Mirrors {@code lakehouse.audit-event/v1}: one request seen by the gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        String schema,
        String id,
        Instant ts,
        String requestId,
        @Nullable String keyId,
        String method,
        String path,
        String routeGroup,
        @Nullable String daemon,
        int status,
        double latencyMs,
        long bytesIn,
        long bytesOut,
        @Nullable String clientIp,
        @Nullable String userAgent,
        @Nullable String error) {

    public static final String SCHEMA = "lakehouse.audit-event/v1";
}
