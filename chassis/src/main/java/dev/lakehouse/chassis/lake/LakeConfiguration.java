package dev.lakehouse.chassis.lake;

import dev.lakehouse.schemas.SchemaCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The lake writer factory and reader every daemon can inject; writers open only when asked. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LakeProperties.class)
public class LakeConfiguration {

    @Bean
    LakeWriters lakeWriters(LakeProperties properties, Environment environment, JsonMapper json, MeterRegistry meters,
            ObjectProvider<Clock> clock) {
        String daemon = environment.getProperty("spring.application.name", "daemon");
        return new LakeWriters(properties, daemon, json, meters, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    LakeReader lakeReader(LakeProperties properties, JsonMapper json) {
        return new LakeReader(properties.dir(), json, SchemaCatalog.standard());
    }
}
