package dev.lakehouse.chatd.api;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.requestid.RequestIdFilter;
import dev.lakehouse.chassis.requestid.RequestIds;
import dev.lakehouse.chatd.chat.Caller;
import dev.lakehouse.chatd.gate.RoleGate;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/** Reads who is calling from the headers the gateway forwards (the gateway strips them from clients). */
final class Callers {

    private Callers() {
    }

    static Caller from(HttpServletRequest request) {
        String requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id ? id
                : RequestIds.generate();
        long nanos = request.getAttribute(ArrivalFilter.NANOS) instanceof Long arrived ? arrived : System.nanoTime();
        Instant at = request.getAttribute(ArrivalFilter.INSTANT) instanceof Instant arrived ? arrived : Instant.now();
        String keyId = request.getHeader(LakehouseHeaders.KEY_ID);
        return new Caller(requestId, keyId == null || keyId.isBlank() ? null : keyId.strip(),
                RoleGate.parseAllowedRoles(request.getHeader(LakehouseHeaders.ALLOWED_ROLES)), at, nanos);
    }
}
