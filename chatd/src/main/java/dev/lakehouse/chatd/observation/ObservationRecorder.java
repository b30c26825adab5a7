package dev.lakehouse.chatd.observation;

import dev.lakehouse.chassis.lake.LakeWriter;
import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.dispatch.CallTrace;
import dev.lakehouse.chatd.model.ModelRef;
import dev.lakehouse.schemas.observation.Attempt;
import dev.lakehouse.schemas.observation.ChatMessage;
import dev.lakehouse.schemas.observation.ChatRequest;
import dev.lakehouse.schemas.observation.Gate;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.observation.Usage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a finished call into one {@code lakehouse.observation/v1} record and offers it to the lake
 * writer. {@link LakeWriter#offer} never blocks: serialising and writing happen on the writer's
 * thread; when its queue is full the record is dropped and counted
 * ({@code lakehouse.lake.records.dropped{stream="observations"}}), and the call is unaffected.
 */
public final class ObservationRecorder {

    public static final String STREAM = "observations";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LakeWriter writer;
    private final String instance;

    public ObservationRecorder(LakeWriter writer, String instance) {
        this.writer = writer;
        this.instance = instance;
    }

    /** Records the call; false when the record was dropped because the queue was full. */
    public boolean record(CallTrace trace) {
        trace.complete();
        return writer.offer(observation(trace));
    }

    Observation observation(CallTrace trace) {
        Instant arrived = trace.caller().arrivedAt();
        Instant completed = trace.completedAt() == null ? Instant.now() : trace.completedAt();
        ModelRef served = trace.servedBy();
        List<ChatMessage> messages = trace.call().messages().stream().map(Message::toRecord).toList();
        return new Observation(Observation.SCHEMA, id(), arrived, completed,
                Math.max(0, Duration.between(arrived, completed).toNanos() / 1_000_000.0),
                trace.caller().requestId(), instance, keyId(trace.caller().keyId()), trace.role().name(),
                trace.role().contract().id(), trace.call().surface(), trace.call().stream(),
                new ChatRequest(trace.call().model(), trace.role().systemPrompt(), messages, trace.call().params()),
                trace.attempts(), trace.outcome(), served == null ? null : served.provider(),
                served == null ? null : served.model(), trace.output(), total(trace.attempts()),
                new Gate(trace.allowed(), trace.caller().allowedRoles(), trace.bleed()), trace.validation(),
                trace.error());
    }

    private static @Nullable Usage total(List<Attempt> attempts) {
        Usage total = null;
        for (Attempt attempt : attempts) {
            if (attempt.usage() != null) {
                total = total == null ? attempt.usage() : total.plus(attempt.usage());
            }
        }
        return total;
    }

    /** The schema allows 64 characters; a longer id from the gateway is cut, never dropped. */
    private static @Nullable String keyId(@Nullable String keyId) {
        return keyId == null || keyId.length() <= 64 ? keyId : keyId.substring(0, 64);
    }

    private static String id() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return "obs_" + Long.toHexString(System.currentTimeMillis()) + HexFormat.of().formatHex(random);
    }
}
