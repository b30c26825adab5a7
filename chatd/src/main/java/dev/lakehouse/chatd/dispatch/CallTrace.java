package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.Caller;
import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.model.ModelRef;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.schemas.observation.Attempt;
import dev.lakehouse.schemas.observation.AttemptStatus;
import dev.lakehouse.schemas.observation.ErrorInfo;
import dev.lakehouse.schemas.observation.Outcome;
import dev.lakehouse.schemas.observation.Output;
import dev.lakehouse.schemas.observation.Usage;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happens during one chat call, as it happens: every attempt, the verdicts, the
 * final output and outcome, and the time spent waiting on providers and validated (the rest is
 * chatd's overhead). Becomes one observation when the call is over. One request thread owns it.
 */
public final class CallTrace {

    private final Caller caller;
    private final ChatCall call;
    private final Role role;
    private final List<Attempt> attempts = new ArrayList<>();
    private int budget;
    private long upstreamNanos;
    private @Nullable ProviderException lastFailure;
    private Outcome outcome = Outcome.FAILED;
    private @Nullable ModelRef servedBy;
    private @Nullable Output output;
    private @Nullable ValidationVerdict validation;
    private List<Violation> bleed = List.of();
    private boolean allowed = true;
    private @Nullable ErrorInfo error;
    private @Nullable Instant completedAt;

    public CallTrace(Caller caller, ChatCall call, Role role) {
        this.caller = caller;
        this.call = call;
        this.role = role;
        this.budget = role.maxAttempts();
    }

    public Caller caller() {
        return caller;
    }

    public ChatCall call() {
        return call;
    }

    public Role role() {
        return role;
    }

    /** Takes one unit of the role's attempt limit; false when none is left. */
    boolean takeAttempt() {
        if (budget <= 0) {
            return false;
        }
        budget--;
        return true;
    }

    boolean attemptsLeft() {
        return budget > 0;
    }

    void addUpstream(long nanos) {
        upstreamNanos += nanos;
    }

    public long upstreamNanos() {
        return upstreamNanos;
    }

    /** chatd's own time so far: since arrival, minus provider and validated time. */
    public double overheadMs() {
        return Math.max(0, System.nanoTime() - caller.arrivalNanos() - upstreamNanos) / 1_000_000.0;
    }

    int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    void failedAttempt(Candidate candidate, Instant startedAt, long startNanos, ProviderException failure, boolean reask) {
        lastFailure = failure;
        attempts.add(new Attempt(nextAttemptNumber(), candidate.ref().provider(), candidate.ref().model(), startedAt,
                millis(System.nanoTime() - startNanos), null, failure.attemptStatus(), failure.httpStatus(),
                failure.getMessage(), reask ? Boolean.TRUE : null, null, null, null));
    }

    void answeredAttempt(Candidate candidate, Instant startedAt, double latencyMs, @Nullable Double firstByteMs,
            AttemptStatus status, int httpStatus, boolean reask, String content, Usage usage, List<Violation> violations,
            @Nullable String error) {
        attempts.add(new Attempt(nextAttemptNumber(), candidate.ref().provider(), candidate.ref().model(), startedAt,
                latencyMs, firstByteMs, status, httpStatus, error, reask ? Boolean.TRUE : null, content, usage,
                violations));
    }

    public @Nullable ProviderException lastFailure() {
        return lastFailure;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public int attemptCount() {
        return attempts.size();
    }

    void served(Candidate candidate, Output output, Outcome outcome, Judgement judgement) {
        this.servedBy = candidate.ref();
        this.output = output;
        this.outcome = outcome;
        this.validation = judgement.verdict();
        this.bleed = judgement.bleed();
    }

    void judged(Judgement judgement) {
        this.validation = judgement.verdict();
        this.bleed = judgement.bleed();
    }

    public void denied(ChatError refusal) {
        allowed = false;
        outcome = Outcome.DENIED;
        error = new ErrorInfo(refusal.code(), refusal.message());
    }

    public void failed(Outcome outcome, ChatError failure) {
        this.outcome = outcome;
        this.error = new ErrorInfo(failure.code(), failure.message());
    }

    public void cancelled() {
        outcome = Outcome.CANCELLED;
        error = new ErrorInfo("client_gone", "the client went away before the answer was complete");
    }

    public void complete() {
        completedAt = Instant.now();
    }

    public Outcome outcome() {
        return outcome;
    }

    public @Nullable ModelRef servedBy() {
        return servedBy;
    }

    public @Nullable Output output() {
        return output;
    }

    public @Nullable ValidationVerdict validation() {
        return validation;
    }

    public List<Violation> bleed() {
        return bleed;
    }

    public boolean allowed() {
        return allowed;
    }

    public @Nullable ErrorInfo error() {
        return error;
    }

    public @Nullable Instant completedAt() {
        return completedAt;
    }

    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
