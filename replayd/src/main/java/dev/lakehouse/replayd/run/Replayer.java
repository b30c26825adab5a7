package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.compare.OutputNormaliser;
import dev.lakehouse.replayd.compare.SideVerdict;
import dev.lakehouse.replayd.compare.Similarity;
import dev.lakehouse.replayd.compare.Verdicts;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.target.TargetAnswer;
import dev.lakehouse.replayd.target.TargetCaller;
import dev.lakehouse.replayd.target.TargetSession;
import dev.lakehouse.schemas.replay.Comparison;
import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.ReplaySide;
import dev.lakehouse.schemas.replay.Transition;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The replay of one record: the prompt to the target through chatd, both outputs to validated
 * (the recorded one too, so both are judged by the same validator version), the exact match,
 * and the similarity through embedd — each only when the run asked for it.
 */
public final class Replayer implements CaseReplayer {

    private final TargetCaller target;
    private final Verdicts verdicts;
    private final Similarity similarity;
    private final OutputNormaliser normaliser;
    private final Clock clock;

    public Replayer(TargetCaller target, Verdicts verdicts, Similarity similarity, OutputNormaliser normaliser, Clock clock) {
        this.target = target;
        this.verdicts = verdicts;
        this.similarity = similarity;
        this.normaliser = normaliser;
        this.clock = clock;
    }

    @Override
    public ReplayResult replay(TargetSession session, Set<CompareMode> compare, ReplayCase record) {
        TargetAnswer answer = target.call(session, record);
        boolean validate = compare.contains(CompareMode.VALIDATION);
        SideVerdict originalVerdict = validate
                ? verdicts.judge(record.contract(), record.originalOutput(), record.systemPrompt()) : SideVerdict.NOT_VALIDATED;
        SideVerdict targetVerdict = validate
                ? verdicts.judge(record.contract(), answer.output(), record.systemPrompt()) : SideVerdict.NOT_VALIDATED;
        String original = record.originalOutput();
        String replayed = answer.output();
        boolean both = original != null && replayed != null;
        Boolean exact = both && compare.contains(CompareMode.EXACT) ? normaliser.sameAnswer(original, replayed) : null;
        Double similar = both && compare.contains(CompareMode.SIMILARITY) ? similarity.between(original, replayed) : null;
        Transition transition = originalVerdict.passed() != null && targetVerdict.passed() != null
                ? Transition.of(originalVerdict.passed(), targetVerdict.passed()) : null;
        return new ReplayResult(ReplayResult.SCHEMA, session.runId(), record.seq(), record.recordId(), record.source(),
                record.role(), record.contract(), originalSide(record, originalVerdict), targetSide(answer, targetVerdict),
                new Comparison(transition, exact, similar), clock.instant());
    }

    private static ReplaySide originalSide(ReplayCase record, SideVerdict verdict) {
        return new ReplaySide(record.role(), record.originalProvider(), record.originalModel(), record.originalOutput(),
                verdict.passed(), record.recordedValid(), verdict.verdict(), record.originalLatencyMs(),
                record.originalUsage(), verdict.error());
    }

    private static ReplaySide targetSide(TargetAnswer answer, SideVerdict verdict) {
        return new ReplaySide(answer.role(), answer.provider(), answer.model(), answer.output(), verdict.passed(), null,
                verdict.verdict(), answer.latencyMs(), answer.usage(), error(answer, verdict));
    }

    private static dev.lakehouse.schemas.replay.@Nullable ReplayError error(TargetAnswer answer, SideVerdict verdict) {
        return answer.error() != null ? answer.error() : verdict.error();
    }
}
