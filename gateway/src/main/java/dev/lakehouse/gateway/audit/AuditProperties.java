package dev.lakehouse.gateway.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's audit trail in the lake ({@code audit/dt=YYYY-MM-DD/gateway-*.jsonl}).
 *
 * @param enabled whether a record is written per request
 * @param excludedPaths path patterns not audited: probes and scrapers poll them every few seconds
 *     and are not calls of the public API
 */
@ConfigurationProperties("lakehouse.gateway.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/actuator/**") List<String> excludedPaths) {
}
