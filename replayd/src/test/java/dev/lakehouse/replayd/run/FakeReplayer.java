package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.target.TargetSession;
import dev.lakehouse.schemas.replay.Comparison;
import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.ReplaySide;
import dev.lakehouse.schemas.replay.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Stands in for the chatd, validated and embedd calls in tests of the run machinery: answers
 * every record with its recorded output, remembers which seqs it was asked for, and runs a
 * hook first (to block, or to throw as a failing peer would).
 */
final class FakeReplayer implements CaseReplayer {

    private final ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    private volatile Consumer<ReplayCase> before = record -> { };

    FakeReplayer before(Consumer<ReplayCase> hook) {
        this.before = hook;
        return this;
    }

    List<Long> seen() {
        return List.copyOf(seen);
    }

    @Override
    public ReplayResult replay(TargetSession session, Set<CompareMode> compare, ReplayCase record) {
        before.accept(record);
        seen.add(record.seq());
        return result(session.runId(), record);
    }

    static ReplayResult result(String runId, ReplayCase record) {
        ReplaySide original = new ReplaySide(record.role(), record.originalProvider(), record.originalModel(),
                record.originalOutput(), true, record.recordedValid(), null, record.originalLatencyMs(),
                record.originalUsage(), null);
        ReplaySide target = new ReplaySide(record.role(), "replay", "cassette", record.originalOutput(), true, null, null,
                1.0, null, null);
        return new ReplayResult(ReplayResult.SCHEMA, runId, record.seq(), record.recordId(), record.source(), record.role(),
                record.contract(), original, target, new Comparison(Transition.STILL_PASSES, true, 1.0),
                Instant.parse("2026-11-25T10:00:00Z"));
    }
}
