package dev.lakehouse.chassis.json;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link JsonMapper.Builder} every daemon's {@code JsonMapper} (and so its HTTP message
 * converters, codecs and lake writer) is built from: Boot's, with the limits of
 * {@link JsonLimitsProperties} on its JSON factory.
 *
 * <p>Jackson 3 fixes a mapper's stream factory when the builder is created, and a
 * {@link JsonMapperBuilderCustomizer} receives the builder after that, so it cannot set
 * {@code StreamReadConstraints}. This builder does what Boot's does (a new builder, then every
 * customizer in order), only on a constrained factory; as the primary one it is the builder
 * Boot's {@code JsonMapper} is made from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonLimitsProperties.class)
public class JsonLimitsConfiguration {

    @Bean
    @Primary
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder limitedJsonMapperBuilder(JsonLimitsProperties limits,
            ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonLimits.factory(limits));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
