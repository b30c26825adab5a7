package dev.lakehouse.materializerd.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdTestBase;
import org.junit.jupiter.api.Test;

/** The job figures a dashboard plots, as Prometheus scrapes them. */
class JobMetricsTests extends MaterializerdTestBase {

    @Test
    void aFinishedJobIsCountedByItsStateAndNothingIsRunning() {
        materialize("{\"recipe\":\"sft\",\"name\":\"metrics\"}");

        String scrape = get("/actuator/prometheus").body();

        assertThat(scrape).containsPattern("lakehouse_materializerd_jobs\\{[^}]*state=\"succeeded\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern("lakehouse_materializerd_jobs\\{[^}]*state=\"running\"[^}]*} 0");
        assertThat(scrape).containsPattern("lakehouse_materializerd_running_records\\{[^}]*kind=\"read\"[^}]*} 0");
    }
}
