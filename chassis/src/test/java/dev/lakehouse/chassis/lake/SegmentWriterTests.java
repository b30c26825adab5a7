package dev.lakehouse.chassis.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentWriterTests {

    @TempDir
    Path lake;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T23:59:00Z"));

    @Test
    void writesToAnOpenSegmentOfItsOwnUnderTheDatePartition() throws IOException {
        try (SegmentWriter writer = writer(1_000_000, Duration.ofMinutes(5))) {
            writer.append("{\"a\":1}");

            assertThat(writer.currentSegment()).isEqualTo(
                    lake.resolve("observations/dt=2026-11-24/chatd-i1-000000.jsonl.open"));
            assertThat(Files.readString(writer.currentSegment())).isEqualTo("{\"a\":1}\n");
        }
    }

    @Test
    void sealingRenamesTheSegmentAndTheNextRecordOpensANewOne() throws IOException {
        try (SegmentWriter writer = writer(1_000_000, Duration.ofMinutes(5))) {
            writer.append("{\"a\":1}");
            writer.seal();
            writer.append("{\"a\":2}");

            assertThat(files()).containsExactly(
                    "observations/dt=2026-11-24/chatd-i1-000000.jsonl",
                    "observations/dt=2026-11-24/chatd-i1-000001.jsonl.open");
        }
    }

    @Test
    void rollsBySize() throws IOException {
        try (SegmentWriter writer = writer(16, Duration.ofMinutes(5))) {
            writer.append("{\"a\":\"0123456789\"}");
            writer.append("{\"a\":2}");

            assertThat(files()).containsExactly(
                    "observations/dt=2026-11-24/chatd-i1-000000.jsonl",
                    "observations/dt=2026-11-24/chatd-i1-000001.jsonl.open");
        }
    }

    @Test
    void rollsByAgeWhenIdleAndAtMidnight() throws IOException {
        try (SegmentWriter writer = writer(1_000_000, Duration.ofSeconds(50))) {
            writer.append("{\"a\":1}");
            clock.advance(Duration.ofSeconds(51));
            writer.rollIfDue();
            writer.append("{\"a\":2}");
            clock.advance(Duration.ofSeconds(10));
            writer.append("{\"a\":3}");

            assertThat(files()).containsExactly(
                    "observations/dt=2026-11-24/chatd-i1-000000.jsonl",
                    "observations/dt=2026-11-24/chatd-i1-000001.jsonl",
                    "observations/dt=2026-11-25/chatd-i1-000002.jsonl.open");
        }
    }

    @Test
    void closeSealsWhatIsOpen() throws IOException {
        SegmentWriter writer = writer(1_000_000, Duration.ofMinutes(5));
        writer.append("{\"a\":1}");

        writer.close();

        assertThat(files()).containsExactly("observations/dt=2026-11-24/chatd-i1-000000.jsonl");
    }

    @Test
    void aRestartedWriterNeverReusesAnExistingFile() throws IOException {
        try (SegmentWriter first = writer(1_000_000, Duration.ofMinutes(5))) {
            first.append("{\"a\":1}");
        }
        try (SegmentWriter second = writer(1_000_000, Duration.ofMinutes(5))) {
            second.append("{\"a\":2}");
        }

        assertThat(files()).containsExactly(
                "observations/dt=2026-11-24/chatd-i1-000000.jsonl",
                "observations/dt=2026-11-24/chatd-i1-000001.jsonl");
    }

    @Test
    void refusesMultiLineRecords() {
        try (SegmentWriter writer = writer(1_000_000, Duration.ofMinutes(5))) {
            assertThatThrownBy(() -> writer.append("{\n}")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private SegmentWriter writer(long maxBytes, Duration maxAge) {
        return new SegmentWriter(lake, "observations", "chatd", "i1", maxBytes, maxAge.toMillis(), clock);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> paths = Files.walk(lake)) {
            return paths.filter(Files::isRegularFile).map(p -> lake.relativize(p).toString()).sorted().toList();
        }
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
