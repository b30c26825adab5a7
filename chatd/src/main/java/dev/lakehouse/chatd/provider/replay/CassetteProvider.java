package dev.lakehouse.chatd.provider.replay;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.chatd.provider.ProviderRequest;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.provider.UpstreamStream;
import dev.lakehouse.chatd.provider.UsageEstimator;
import dev.lakehouse.schemas.observation.Usage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@code replay} provider: answers deterministically with the output recorded for the same
 * request (see {@link RequestHash}), streamed in fixed-size chunks when asked to stream. Without a
 * recording it fails with {@link ProviderException.Kind#NO_RECORDING}, which the client sees as a
 * 404 when no later provider in the chain answers.
 */
public final class CassetteProvider implements ProviderClient {

    public static final String NAME = "replay";

    private final CassetteIndex index;
    private final ReplayProperties properties;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile @Nullable String lastMiss;

    public CassetteProvider(CassetteIndex index, ReplayProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderReply complete(ProviderRequest request) throws ProviderException {
        Recording recording = lookup(request);
        return new ProviderReply(recording.content(), recording.finishReason(), recording.toolCalls(),
                usage(recording, request), 200);
    }

    @Override
    public UpstreamStream stream(ProviderRequest request) throws ProviderException {
        Recording recording = lookup(request);
        Deque<StreamEvent> events = new ArrayDeque<>();
        String content = recording.content();
        int chunk = Math.max(1, properties.streamChunkChars());
        for (int start = 0; start < content.length(); start = content.offsetByCodePoints(start,
                Math.min(chunk, content.codePointCount(start, content.length())))) {
            int end = content.offsetByCodePoints(start, Math.min(chunk, content.codePointCount(start, content.length())));
            events.add(StreamEvent.text(content.substring(start, end)));
        }
        if (recording.toolCalls() != null) {
            events.add(new StreamEvent("", recording.toolCalls(), null, null));
        }
        events.add(StreamEvent.finish(recording.finishReason() == null ? "stop" : recording.finishReason(),
                usage(recording, request)));
        return new UpstreamStream() {
            @Override
            public @Nullable StreamEvent next() {
                return events.poll();
            }

            @Override
            public void close() {
                events.clear();
            }
        };
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public @Nullable String lastMiss() {
        return lastMiss;
    }

    public CassetteIndex index() {
        return index;
    }

    static String hash(ProviderRequest request) {
        RequestHash hash = new RequestHash();
        for (Message message : request.messages()) {
            hash.add(message.role(), message.content());
        }
        return hash.hex();
    }

    private Recording lookup(ProviderRequest request) throws ProviderException {
        String hash = hash(request);
        Recording recording = index.find(hash);
        if (recording == null) {
            index.refreshIfOlderThan(properties.refreshOnMissAfter());
            recording = index.find(hash);
        }
        if (recording == null) {
            misses.incrementAndGet();
            lastMiss = hash;
            throw new ProviderException(NAME, ProviderException.Kind.NO_RECORDING, 404, null,
                    "replay has no recording of this request (request hash " + hash.substring(0, 16) + "; "
                            + index.size() + " recordings indexed)");
        }
        hits.incrementAndGet();
        return recording;
    }

    private static Usage usage(Recording recording, ProviderRequest request) {
        return recording.usage() != null ? recording.usage()
                : UsageEstimator.estimate(request.messages(), recording.content());
    }
}
