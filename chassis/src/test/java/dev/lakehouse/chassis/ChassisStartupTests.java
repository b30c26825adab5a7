package dev.lakehouse.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.internalauth.MissingInternalTokenException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ChassisStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ChassisAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void daemonWithoutInternalTokenRefusesToStart() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(MissingInternalTokenException.class)
                .hasMessageContaining("LAKEHOUSE_INTERNAL_TOKEN is not set"));
    }

    @Test
    void daemonWithAShortTokenRefusesToStart() {
        runner.withPropertyValues("lakehouse.internal.token=short")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("at least 16"));
    }

    @Test
    void missingTokenFailureTellsTheUserWhatToDo() {
        FailureAnalysis analysis = new dev.lakehouse.chassis.internalauth.MissingInternalTokenFailureAnalyzerProbe()
                .analyze(MissingInternalTokenException.missing());

        assertThat(analysis.getAction()).contains("LAKEHOUSE_INTERNAL_TOKEN").contains("./lakehouse up");
    }

    @Test
    void daemonWithTokenStarts() {
        runner.withPropertyValues("lakehouse.internal.token=a-long-enough-token-123")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
