package dev.lakehouse.replayd;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.replayd.compare.OutputNormaliser;
import dev.lakehouse.replayd.compare.Similarity;
import dev.lakehouse.replayd.compare.Verdicts;
import dev.lakehouse.replayd.peer.ChatdClient;
import dev.lakehouse.replayd.peer.EmbeddClient;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.ValidatedClient;
import dev.lakehouse.replayd.report.PriceTable;
import dev.lakehouse.replayd.run.CaseReplayer;
import dev.lakehouse.replayd.run.Replayer;
import dev.lakehouse.replayd.run.Reports;
import dev.lakehouse.replayd.run.Runs;
import dev.lakehouse.replayd.source.DatasetCases;
import dev.lakehouse.replayd.source.DatasetCatalog;
import dev.lakehouse.replayd.source.ObservationCases;
import dev.lakehouse.replayd.source.ReplaySources;
import dev.lakehouse.replayd.target.TargetCaller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires a run: its sources in the lake, its peers, the comparison, the report and the run registry. */
@Configuration(proxyBeanMethods = false)
class ReplaydConfiguration {

    @Bean
    DatasetCatalog datasetCatalog(LakeReader reader, JsonMapper json) {
        return new DatasetCatalog(reader, json);
    }

    @Bean
    ReplaySources replaySources(LakeReader reader, DatasetCatalog datasets, JsonMapper json) {
        return new ReplaySources(new ObservationCases(reader, json), new DatasetCases(datasets, json));
    }

    @Bean
    CaseReplayer caseReplayer(ChatdClient chatd, ValidatedClient validated, EmbeddClient embedd,
            ReplaydProperties properties, JsonMapper json, MeterRegistry meters, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        PeerRetries retries = new PeerRetries(properties.retry(), time);
        return new Replayer(new TargetCaller(chatd, retries, json, meters), new Verdicts(validated, retries, json),
                new Similarity(embedd, retries, properties.similarityModel()), new OutputNormaliser(json), time);
    }

    @Bean
    Runs runs(LakeReader reader, JsonMapper json, ReplaySources sources, CaseReplayer replayer, ReplaydProperties properties,
            MeterRegistry meters, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        Reports reports = new Reports(new PriceTable(properties.currency(), properties.prices()), time);
        return new Runs(reader.lakeDir().resolve("replays"), json, sources, replayer, reports, properties, time, meters);
    }
}
