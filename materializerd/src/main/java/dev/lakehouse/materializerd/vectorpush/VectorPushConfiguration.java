package dev.lakehouse.materializerd.vectorpush;

import dev.lakehouse.materializerd.MaterializerdProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;
import tools.jackson.databind.json.JsonMapper;

/** vectord as a peer (base URL from {@code LAKEHOUSE_VECTORD_URL}, internal token and request id added). */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "vectord", types = VectordClient.class)
class VectorPushConfiguration {

    @Bean
    VectorPusher vectorPusher(VectordClient vectord, JsonMapper json, MaterializerdProperties properties) {
        return new VectorPusher(vectord, json, properties.pushBatchSize());
    }
}
