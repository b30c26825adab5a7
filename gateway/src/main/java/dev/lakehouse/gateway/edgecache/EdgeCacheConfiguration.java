package dev.lakehouse.gateway.edgecache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "lakehouse.gateway.cache.enabled", matchIfMissing = true)
class EdgeCacheConfiguration {

    @Bean
    EdgeAnswers edgeAnswers(EdgeCacheProperties properties, MeterRegistry registry) {
        return new EdgeAnswers(properties, registry, Ticker.systemTicker());
    }

    @Bean
    EdgeCacheFilter edgeCacheFilter(EdgeAnswers answers, EdgeCacheProperties properties) {
        return new EdgeCacheFilter(answers, properties);
    }
}
