package dev.lakehouse.chassis.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.SchemaCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class LakeWriterTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path lake;

    @Test
    void recordsOfferedAreAllWrittenAndReadableAfterClose() throws Exception {
        LakeWriters writers = writers(10_000);
        LakeWriter writer = writers.open("audit");
        for (int i = 0; i < 500; i++) {
            assertThat(writer.offer(Map.of("schema", "lakehouse.none/v1", "n", i))).isTrue();
        }

        writers.destroy();

        List<LakeLine> read = new ArrayList<>();
        LakeReader reader = new LakeReader(lake, json, null);
        for (Segment segment : reader.segments("audit", null, null)) {
            reader.read(segment, read::add);
        }
        assertThat(read).hasSize(500);
        assertThat(read).extracting(line -> line.record().path("n").asInt()).startsWith(0, 1, 2).endsWith(499);
        assertThat(meters.get("lakehouse.lake.records.written").counter().count()).isEqualTo(500);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheCaller() {
        LakeWriters writers = writers(1);
        LakeWriter writer = writers.open("audit");
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            if (writer.offer(Map.of("n", i))) {
                accepted++;
            }
        }

        writers.destroy();

        double dropped = meters.get("lakehouse.lake.records.dropped").counter().count();
        assertThat(dropped).isPositive();
        assertThat(accepted + dropped).isEqualTo(20_000);
    }

    @Test
    void eachProcessWritesUnderItsOwnInstanceName() {
        LakeWriters first = writers(10);
        LakeWriters second = writers(10);

        assertThat(first.instance()).isNotEqualTo(second.instance()).matches("[0-9a-f]{8}");
        first.destroy();
        second.destroy();
    }

    @Test
    void writtenObservationsPassTheirSchema() throws Exception {
        LakeWriters writers = writers(100);
        LakeWriter writer = writers.open("observations");
        dev.lakehouse.schemas.GoldenFiles.valid(dev.lakehouse.schemas.SchemaId.parse("lakehouse.observation/v1"))
                .forEach(line -> writer.offer(json.readValue(line, dev.lakehouse.schemas.observation.Observation.class)));

        writers.destroy();

        LakeReader reader = new LakeReader(lake, json, SchemaCatalog.standard());
        Segment segment = reader.segments("observations", null, null).getFirst();
        SegmentRead read = reader.read(segment, line -> { });
        assertThat(read.invalid()).isEmpty();
        assertThat(read.records()).isEqualTo(5);
    }

    private LakeWriters writers(int capacity) {
        LakeProperties properties = new LakeProperties(lake, null, DataSize.ofMegabytes(64), Duration.ofMinutes(5),
                Duration.ofMillis(100), capacity);
        return new LakeWriters(properties, "gateway", json, meters, Clock.systemUTC());
    }
}
