package dev.lakehouse.materializerd.job;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.materializerd.recipe.Recipe;
import dev.lakehouse.materializerd.vectorpush.VectorPusher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the job machinery: job files, dataset store, the runner and the job registry. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    DatasetStore datasetStore(MaterializerdProperties properties, JsonMapper json) {
        return new DatasetStore(properties.datasetsDir(), json);
    }

    @Bean
    Jobs jobs(MaterializerdProperties properties, LakeReader reader, DatasetStore datasets, List<Recipe> recipes,
            JsonMapper json, VectorPusher pusher, ObjectProvider<BuildProperties> build, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        JobStore store = new JobStore(properties.jobsDir(), json);
        Map<String, Recipe> byName = recipes.stream().collect(Collectors.toMap(recipe -> recipe.name().id(), Function.identity()));
        BuildProperties info = build.getIfAvailable();
        String version = info == null || info.getVersion() == null ? "dev" : info.getVersion();
        JobRunner runner = new JobRunner(reader, datasets, store, byName, properties, json, pusher, version, time);
        Jobs jobs = new Jobs(store, datasets, runner, properties, time);
        meters.ifAvailable(registry -> JobMetrics.register(registry, jobs));
        return jobs;
    }
}
