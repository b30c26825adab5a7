package dev.lakehouse.gateway.audit;

import dev.lakehouse.chassis.lake.LakeWriters;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit stream of the lake and the filter that feeds it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "lakehouse.gateway.audit.enabled", matchIfMissing = true)
class AuditConfiguration {

    static final String STREAM = "audit";

    @Bean
    AuditFilter auditFilter(LakeWriters lake, ObjectProvider<Clock> clock, AuditProperties properties) {
        return new AuditFilter(lake.open(STREAM), clock.getIfAvailable(Clock::systemUTC), properties);
    }
}
