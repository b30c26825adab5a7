package dev.lakehouse.vectord.snapshot;

import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotService snapshotService(VectordProperties properties, CollectionRegistry registry, JsonMapper json) {
        return new SnapshotService(properties.snapshotDir(), registry, json, Clock.systemUTC());
    }
}
