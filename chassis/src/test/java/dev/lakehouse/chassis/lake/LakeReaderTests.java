package dev.lakehouse.chassis.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.GoldenFiles;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class LakeReaderTests {

    private static final SchemaId OBSERVATION = SchemaId.parse("lakehouse.observation/v1");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path lake;

    @Test
    void readsEveryGoldenObservationOfASealedSegment() throws Exception {
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", String.join("\n", golden()) + "\n");
        List<LakeLine> lines = new ArrayList<>();

        SegmentRead read = reader().read(segment, lines::add);

        assertThat(read.records()).isEqualTo(golden().size());
        assertThat(lines).extracting(LakeLine::lineNumber).startsWith(1L, 2L);
        assertThat(read.tornLines()).isZero();
        assertThat(read.invalid()).isEmpty();
        assertThat(read.sha256()).isEqualTo(sha256(Files.readAllBytes(segment.path())));
        assertThat(read.bytesRead()).isEqualTo(Files.size(segment.path()));
    }

    @Test
    void tornLastLineIsCountedAndSkippedNeverFatal() throws Exception {
        String complete = golden().get(0) + "\n";
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl.open", complete + golden().get(1).substring(0, 40));

        SegmentRead read = reader().read(segment, line -> { });

        assertThat(read.records()).isEqualTo(1);
        assertThat(read.tornLines()).isEqualTo(1);
        assertThat(read.error()).isNull();
        assertThat(read.bytesRead()).isEqualTo(complete.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.sha256()).isEqualTo(sha256(complete.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void brokenLinesInTheMiddleAreReportedAndSkipped() throws Exception {
        String content = golden().get(0) + "\n{not json\n{\"schema\":\"lakehouse.observation/v1\"}\n" + golden().get(1) + "\n";
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", content);

        SegmentRead read = reader().read(segment, line -> { });

        assertThat(read.records()).isEqualTo(2);
        assertThat(read.invalid()).extracting(SegmentRead.InvalidLine::lineNumber).containsExactly(2L, 3L);
        assertThat(read.invalid().get(0).reason()).startsWith("not JSON");
        assertThat(read.invalid().get(1).reason()).startsWith("breaks its schema");
    }

    @Test
    void aLineTheValidatorCannotEvenEvaluateIsSkippedAsInvalid() throws Exception {
        String extreme = golden().get(0).replace("\"latencyMs\":903.2", "\"latencyMs\":1e300")
                .replace("\"promptTokens\":41", "\"promptTokens\":1e300");
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", extreme + "\n" + golden().get(1) + "\n");

        SegmentRead read = reader().read(segment, line -> { });

        assertThat(read.records()).isEqualTo(1);
        assertThat(read.invalid()).singleElement().extracting(SegmentRead.InvalidLine::lineNumber).isEqualTo(1L);
    }

    @Test
    void unreadableSegmentIsReportedByName() throws Exception {
        Path dir = lake.resolve("observations/dt=2026-11-24/chatd-a-000000.jsonl");
        Files.createDirectories(dir);
        Segment segment = reader().segments("observations", null, null).getFirst();

        SegmentRead read = reader().read(segment, line -> { });

        assertThat(read.error()).startsWith("unreadable");
        assertThat(read.segment().path()).isEqualTo(dir);
    }

    @Test
    void listsSegmentsOfADateRangeInOrderOpenOnesIncluded() throws Exception {
        segment("2026-11-23", "chatd-a-000000.jsonl", "");
        segment("2026-11-24", "chatd-b-000001.jsonl.open", "");
        segment("2026-11-24", "chatd-a-000003.jsonl", "");
        segment("2026-11-25", "chatd-a-000004.jsonl", "");
        Files.writeString(lake.resolve("observations/dt=2026-11-24/notes.txt"), "not a segment");

        List<Segment> segments = reader().segments("observations", LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));

        assertThat(segments).extracting(s -> s.path().getFileName().toString())
                .containsExactly("chatd-a-000003.jsonl", "chatd-b-000001.jsonl.open", "chatd-a-000004.jsonl");
        assertThat(segments).extracting(Segment::sealed).containsExactly(true, false, true);
    }

    @Test
    void readingTheSamePrefixTwiceGivesTheSameDigest() throws Exception {
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl.open", golden().get(0) + "\n");
        String first = reader().read(segment, line -> { }).sha256();
        Files.writeString(segment.path(), golden().get(1).substring(0, 10), java.nio.file.StandardOpenOption.APPEND);

        String second = reader().read(segment, line -> { }).sha256();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void readLimitedToAPinnedPrefixIgnoresLinesAppendedLater() throws Exception {
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl.open", golden().get(0) + "\n" + golden().get(1).substring(0, 30));
        SegmentPrefix pinned = reader().prefix(segment);
        Files.writeString(segment.path(), golden().get(1).substring(30) + "\n" + golden().get(2) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<LakeLine> lines = new ArrayList<>();

        SegmentRead read = reader().read(segment, pinned.bytes(), 1, line -> line, lines::add);

        assertThat(pinned.lines()).isEqualTo(1);
        assertThat(pinned.tornLines()).isEqualTo(1);
        assertThat(lines).hasSize(1);
        assertThat(read.tornLines()).isZero();
        assertThat(read.bytesRead()).isEqualTo(pinned.bytes());
        assertThat(read.sha256()).isEqualTo(pinned.sha256());
    }

    @Test
    void prefixHashesTheSameBytesAFullReadConsumes() throws Exception {
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", String.join("\n", golden()) + "\n{torn");

        SegmentPrefix prefix = reader().prefix(segment);
        SegmentRead read = reader().read(segment, line -> { });

        assertThat(prefix.bytes()).isEqualTo(read.bytesRead());
        assertThat(prefix.sha256()).isEqualTo(read.sha256());
        assertThat(prefix.lines()).isEqualTo(golden().size());
    }

    @Test
    void parallelReadHandsRecordsToTheSinkInLineOrder() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            content.append(i % 500 == 7 ? "{broken" : golden().get(i % golden().size())).append('\n');
        }
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", content.toString());
        List<Long> sequential = new ArrayList<>();
        List<Long> parallel = new ArrayList<>();

        SegmentRead one = reader().read(segment, Long.MAX_VALUE, 1, LakeLine::lineNumber, sequential::add);
        SegmentRead many = reader().read(segment, Long.MAX_VALUE, 4, LakeLine::lineNumber, parallel::add);

        assertThat(parallel).hasSize(1996).isSorted().isEqualTo(sequential);
        assertThat(many.invalid()).isEqualTo(one.invalid());
        assertThat(many.invalid()).extracting(SegmentRead.InvalidLine::lineNumber).containsExactly(8L, 508L, 1008L, 1508L);
        assertThat(many.sha256()).isEqualTo(one.sha256());
        assertThat(many.records()).isEqualTo(1996);
    }

    @Test
    void transformReturningNullDropsTheRecordButCountsItAsRead() throws Exception {
        Segment segment = segment("2026-11-24", "chatd-a-000000.jsonl", String.join("\n", golden()) + "\n");
        List<String> outcomes = new ArrayList<>();

        SegmentRead read = reader().read(segment, Long.MAX_VALUE, 2,
                line -> "ok".equals(line.record().path("outcome").asString()) ? line.record().path("id").asString() : null,
                outcomes::add);

        assertThat(read.records()).isEqualTo(golden().size());
        assertThat(outcomes).isNotEmpty().hasSizeLessThan(golden().size());
    }

    @Test
    void anOpenSegmentSealedSinceItWasListedIsFoundUnderItsSealedName() throws Exception {
        Segment open = segment("2026-11-24", "chatd-a-000000.jsonl.open", golden().get(0) + "\n");
        Path sealed = open.path().resolveSibling("chatd-a-000000.jsonl");
        Files.move(open.path(), sealed);

        Segment current = reader().current(open);

        assertThat(current.path()).isEqualTo(sealed);
        assertThat(current.sealed()).isTrue();
        assertThat(reader().read(current, line -> { }).records()).isEqualTo(1);
    }

    private LakeReader reader() {
        return new LakeReader(lake, json, SchemaCatalog.standard());
    }

    private List<String> golden() {
        return GoldenFiles.valid(OBSERVATION);
    }

    private Segment segment(String date, String name, String content) throws IOException {
        Path file = lake.resolve("observations/dt=" + date + "/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new Segment(file, "observations", LocalDate.parse(date), !name.endsWith(".open"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
