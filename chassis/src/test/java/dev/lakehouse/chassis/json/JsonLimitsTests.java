package dev.lakehouse.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.chassis.ChassisAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLimitsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ChassisAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("lakehouse.internal.token=a-long-enough-token-123");

    @Test
    void daemonsJsonMapperRefusesNestingDeeperThanTheLimit() {
        runner.run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);

            assertThat(json.readTree(nested(100))).isNotNull();
            assertThatThrownBy(() -> json.readTree(nested(101)))
                    .isInstanceOf(StreamConstraintsException.class)
                    .hasMessageContaining("nesting depth");
        });
    }

    @Test
    void daemonsJsonMapperRefusesOverlongNumbersStringsAndNames() {
        runner.withPropertyValues("lakehouse.json.max-string-length=1000").run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);

            assertThatThrownBy(() -> json.readTree("{\"n\": " + "9".repeat(65) + "}"))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> json.readTree("{\"s\": \"" + "x".repeat(1001) + "\"}"))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> json.readTree("{\"" + "k".repeat(1025) + "\": 1}"))
                    .isInstanceOf(StreamConstraintsException.class);
            JsonNode fine = json.readTree("{\"n\": " + "9".repeat(64) + ", \"s\": \"" + "x".repeat(1000) + "\"}");
            assertThat(fine.path("s").asString()).hasSize(1000);
        });
    }

    @Test
    void limitsAreConfigurable() {
        runner.withPropertyValues("lakehouse.json.max-nesting-depth=3").run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);

            assertThatThrownBy(() -> json.readTree(nested(4))).isInstanceOf(StreamConstraintsException.class);
        });
    }

    @Test
    void everyBuilderCustomizerStillApplies() {
        runner.withBean(JsonMapperBuilderCustomizer.class,
                        () -> builder -> builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS))
                .withPropertyValues("spring.jackson.deserialization.fail-on-null-for-primitives=true")
                .run(context -> {
                    JsonMapper json = context.getBean(JsonMapper.class);

                    assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
                    assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
                    assertThat(json.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(100);
                });
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
