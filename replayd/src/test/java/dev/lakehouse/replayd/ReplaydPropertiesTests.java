package dev.lakehouse.replayd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ReplaydPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void defaultsAreSaneWithoutAnySetting() {
        context.run(started -> {
            ReplaydProperties properties = started.getBean(ReplaydProperties.class);

            assertThat(properties.defaults().concurrency()).isEqualTo(4);
            assertThat(properties.defaults().ratePerSecond()).isEqualTo(10.0);
            assertThat(properties.limits().maxRecords()).isEqualTo(100_000);
            assertThat(properties.batchSize()).isEqualTo(16);
            assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.similarityModel()).isEqualTo("all-minilm");
            assertThat(properties.prices()).isEmpty();
        });
    }

    @Test
    void aPriceTableBindsFromIndexedRowsAsEnvironmentVariablesCanSetThem() {
        context.withPropertyValues(
                "lakehouse.replayd.currency=EUR",
                "lakehouse.replayd.prices[0].model=openai/gpt-4o-mini",
                "lakehouse.replayd.prices[0].input-per-million=0.15",
                "lakehouse.replayd.prices[0].output-per-million=0.60",
                "lakehouse.replayd.prices[1].model=ollama/*",
                "lakehouse.replayd.prices[1].input-per-million=0",
                "lakehouse.replayd.prices[1].output-per-million=0").run(started -> {
                    ReplaydProperties properties = started.getBean(ReplaydProperties.class);

                    assertThat(properties.currency()).isEqualTo("EUR");
                    assertThat(properties.prices()).extracting(ReplaydProperties.Price::model)
                            .containsExactly("openai/gpt-4o-mini", "ollama/*");
                    assertThat(properties.prices().getFirst().outputPerMillion()).isEqualByComparingTo("0.6");
                });
    }

    @Test
    void aDefaultBeyondItsLimitStopsTheDaemonFromStarting() {
        context.withPropertyValues("lakehouse.replayd.defaults.concurrency=64").run(started ->
                assertThat(started).hasFailed().getFailure().hasRootCauseMessage(
                        "lakehouse.replayd.defaults.concurrency must be 1..limits.max-concurrency"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReplaydProperties.class)
    static class Binding {
    }
}
