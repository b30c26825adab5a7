package dev.lakehouse.materializerd.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stopped and started again in the same process (as a paused application context is), jobs still run. */
class JobsRestartTests extends MaterializerdTestBase {

    @Autowired
    Jobs jobs;

    @Test
    void jobsStoppedAndStartedAgainTakeNewJobs() {
        jobs.stop();
        jobs.start();

        var finished = materialize("{\"recipe\":\"sft\",\"name\":\"after-restart\"}");

        assertThat(finished.path("state").asString()).isEqualTo("succeeded");
    }
}
