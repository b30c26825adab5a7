package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.target.TargetSession;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.util.Set;

/** Replays one record and compares: the step a run repeats for every record. */
@FunctionalInterface
public interface CaseReplayer {

    /**
     * @throws dev.lakehouse.replayd.peer.PeerUnavailableException when a peer cannot answer: the run fails
     * @throws dev.lakehouse.replayd.target.CallStopped when the run stopped first
     */
    ReplayResult replay(TargetSession session, Set<CompareMode> compare, ReplayCase record);
}
