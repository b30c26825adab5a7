package dev.lakehouse.gateway.access;

import dev.lakehouse.gateway.keys.ApiKeyStore;
import dev.lakehouse.gateway.keys.KeysProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys and the per-key limiters the door uses. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ApiKeyStore apiKeyStore(KeysProperties properties, MeterRegistry meters) {
        return new ApiKeyStore(properties, meters);
    }

    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter(System::nanoTime);
    }

    @Bean
    ConcurrencyLimiter concurrencyLimiter() {
        return new ConcurrencyLimiter();
    }
}
