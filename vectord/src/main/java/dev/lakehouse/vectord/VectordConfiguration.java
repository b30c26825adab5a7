package dev.lakehouse.vectord;

import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.IndexMaintenance;
import dev.lakehouse.vectord.index.LuceneVectorIndexFactory;
import dev.lakehouse.vectord.index.VectorIndexFactory;
import dev.lakehouse.vectord.index.Vectorization;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The engine and the collections: Lucene indexes under the data dir, committed and merged in the background. */
@Configuration(proxyBeanMethods = false)
class VectordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VectordConfiguration.class);

    @Bean
    VectorIndexFactory vectorIndexFactory(VectordProperties properties, MeterRegistry meters) {
        Vectorization vectorization = Vectorization.detect();
        log.info("vectord: Lucene {}, HNSW m={} beamWidth={}, re-ranking {}, {}", Version.LATEST, properties.hnsw().m(),
                properties.hnsw().beamWidth(), properties.rescore().quantizations(), vectorization.describe());
        return new LuceneVectorIndexFactory(properties.hnsw().m(), properties.hnsw().beamWidth(),
                properties.ramBufferSize().toBytes() / (1024.0 * 1024.0), properties.rescore().quantizations(), meters);
    }

    @Bean(destroyMethod = "close")
    CollectionRegistry collectionRegistry(VectordProperties properties, VectorIndexFactory factory, JsonMapper json,
            MeterRegistry meters) throws IOException {
        return new CollectionRegistry(properties.dir(), factory, json, meters);
    }

    @Bean(destroyMethod = "close")
    IndexMaintenance indexMaintenance(CollectionRegistry registry, VectordProperties properties) {
        return new IndexMaintenance(registry, properties.commitInterval(), properties.optimizeAfterIdle());
    }
}
