package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.provider.UsageEstimator;
import dev.lakehouse.chatd.role.InvalidPolicy;
import dev.lakehouse.schemas.observation.AttemptStatus;
import dev.lakehouse.schemas.observation.Outcome;
import dev.lakehouse.schemas.observation.Output;
import dev.lakehouse.schemas.observation.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import dev.lakehouse.schemas.verdict.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A provider stream whose first content is in hand: relaying it commits the response. From then
 * on a provider failure becomes the surface's error event and the stream ends without its
 * terminal event; bleed found at the end does the same unless the role's policy is {@code flag}.
 */
public final class LiveStream {

    private final ChatDispatcher dispatcher;
    private final CallTrace trace;
    private final Candidate candidate;
    private final ProviderGuard.Lease lease;
    private final Priming priming;
    private final Instant startedAt;
    private final long startNanos;
    private final StringBuilder text = new StringBuilder();
    private final ToolCallMerger tools = new ToolCallMerger();
    private @Nullable String finishReason;
    private @Nullable Usage usage;

    LiveStream(ChatDispatcher dispatcher, CallTrace trace, Candidate candidate, ProviderGuard.Lease lease,
            Priming priming, Instant startedAt, long startNanos) {
        this.dispatcher = dispatcher;
        this.trace = trace;
        this.candidate = candidate;
        this.lease = lease;
        this.priming = priming;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
    }

    public Candidate servedBy() {
        return candidate;
    }

    /** Relays the rest of the stream to the sink and records how it ended. */
    public void relay(StreamSink sink) {
        try {
            sink.open(candidate, trace);
            for (StreamEvent event : priming.events()) {
                consume(event, sink);
            }
            if (!priming.ended()) {
                StreamEvent event;
                while ((event = priming.stream().next()) != null) {
                    consume(event, sink);
                }
            }
            lease.succeed();
            finish(sink);
        } catch (ProviderException e) {
            lease.fail(e);
            record(e.attemptStatus(), e.getMessage(), List.of());
            ChatError error = new ChatError(HttpStatus.BAD_GATEWAY, ChatError.Type.UPSTREAM,
                    e.getMessage() + " (after the stream had started; nothing was retried)", null, "stream_failed", null);
            trace.failed(Outcome.FAILED, error);
            tell(sink, error);
        } catch (IOException clientGone) {
            priming.abort();
            lease.release();
            record(AttemptStatus.OK, "the client went away mid-stream", List.of());
            trace.cancelled();
        } finally {
            priming.abort();
        }
    }

    private void consume(StreamEvent event, StreamSink sink) throws IOException {
        if (event.toolCalls() != null) {
            tools.add(event.toolCalls());
        }
        if (event.hasContent()) {
            text.append(event.text());
            sink.event(event);
        }
        if (event.finishReason() != null) {
            finishReason = event.finishReason();
        }
        if (event.usage() != null) {
            usage = event.usage();
        }
    }

    private void finish(StreamSink sink) throws IOException {
        String content = text.toString();
        Usage total = usage != null ? usage
                : UsageEstimator.estimate(ChatDispatcher.conversation(trace.role(), trace.call()), content);
        usage = total;
        if (tools.merged() != null && (finishReason == null || "stop".equals(finishReason))) {
            finishReason = "tool_calls";
        }
        Judgement judgement = dispatcher.judge(trace, content);
        record(ChatDispatcher.status(judgement), null, judgement.violations());
        if (!judgement.valid() && trace.role().onInvalid() != InvalidPolicy.FLAG) {
            trace.judged(judgement);
            ChatException refusal = Failures.rejected(candidate.ref().toString(), trace.role().contract().id(),
                    judgement.errors());
            trace.failed(Outcome.REJECTED, refusal.error());
            sink.error(refusal.error());
            return;
        }
        trace.served(candidate, new Output(content, finishReason, ChatDispatcher.toolCalls(tools.merged())),
                judgement.valid() ? Outcome.OK : Outcome.FLAGGED, judgement);
        sink.finish(finishReason, total);
    }

    private void record(AttemptStatus status, @Nullable String error, List<Violation> violations) {
        double firstByte = CallTrace.millis(priming.firstContentNanos() - startNanos);
        trace.answeredAttempt(candidate, startedAt, CallTrace.millis(System.nanoTime() - startNanos), firstByte, status,
                200, false, text.toString(), usage != null ? usage
                        : UsageEstimator.estimate(ChatDispatcher.conversation(trace.role(), trace.call()), text.toString()),
                violations, error);
    }

    private static void tell(StreamSink sink, ChatError error) {
        try {
            sink.error(error);
        } catch (IOException e) {
            // the client is gone too; the observation says what happened
        }
    }
}
