package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.schemas.observation.Outcome;

/** The answer a non-streamed (or buffered) call returns: the reply, who gave it, its verdicts, ok or flagged. */
public record Answer(ProviderReply reply, Candidate servedBy, Judgement judgement, Outcome outcome) {
}
