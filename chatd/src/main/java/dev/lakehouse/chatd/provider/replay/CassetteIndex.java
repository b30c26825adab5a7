package dev.lakehouse.chatd.provider.replay;

import dev.lakehouse.chassis.lake.LakeLine;
import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.schemas.observation.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Request hash to recorded answer, built from the lake's observations: at start and then every
 * refresh, sealed segments are read once and open ones again (they grow). Memory is bounded:
 * at most {@code maxEntries} recordings, the oldest evicted first; a later recording of the same
 * request replaces an earlier one.
 */
public final class CassetteIndex {

    private static final Logger log = LoggerFactory.getLogger(CassetteIndex.class);
    static final String STREAM = "observations";

    private final LakeReader reader;
    private final ReplayProperties properties;
    private final Map<String, Recording> recordings;
    private final Set<Path> sealedRead = new HashSet<>();
    private final AtomicLong evicted = new AtomicLong();
    private volatile @Nullable Instant lastRefresh;
    private volatile @Nullable String lastError;

    public CassetteIndex(LakeReader reader, ReplayProperties properties) {
        this.reader = reader;
        this.properties = properties;
        this.recordings = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Recording> eldest) {
                boolean full = size() > properties.maxEntries();
                if (full) {
                    evicted.incrementAndGet();
                }
                return full;
            }
        };
    }

    public @Nullable Recording find(String hash) {
        synchronized (recordings) {
            return recordings.get(hash);
        }
    }

    public int size() {
        synchronized (recordings) {
            return recordings.size();
        }
    }

    public long evicted() {
        return evicted.get();
    }

    public @Nullable Instant lastRefresh() {
        return lastRefresh;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public Path lakeDir() {
        return reader.lakeDir();
    }

    /**
     * Indexes what is new in the lake unless that was done less than {@code maxAge} ago; a caller
     * that waited for a concurrent refresh finds its result without reading the lake again.
     */
    public synchronized void refreshIfOlderThan(Duration maxAge) {
        Instant last = lastRefresh;
        if (last == null || !last.plus(maxAge).isAfter(Instant.now())) {
            refresh();
        }
    }

    /** Indexes what is new in the lake since the last refresh. */
    public synchronized void refresh() {
        try {
            for (Segment segment : reader.segments(STREAM, null, null)) {
                if (segment.sealed() && !sealedRead.add(segment.path())) {
                    continue;
                }
                reader.read(segment, this::index);
            }
            lastError = null;
        } catch (IOException | RuntimeException e) {
            lastError = "cannot read " + reader.lakeDir().resolve(STREAM) + ": " + e.getMessage();
            log.warn("replay index: {}", lastError);
        }
        lastRefresh = Instant.now();
    }

    private void index(LakeLine line) {
        JsonNode record = line.record();
        String outcome = record.path("outcome").asString("");
        JsonNode output = record.path("output");
        if (!(outcome.equals("ok") || outcome.equals("flagged")) || !output.isObject()
                || "replay".equals(record.path("provider").asString(""))) {
            return;
        }
        String content = output.path("content").asString("");
        if (content.length() > properties.maxOutputChars()) {
            return;
        }
        Recording recording = new Recording(record.path("id").asString(""), content,
                output.path("finishReason").isString() ? output.path("finishReason").asString() : null,
                output.path("toolCalls").isArray() ? output.path("toolCalls") : null, finalUsage(record));
        String hash = hash(record.path("request"));
        synchronized (recordings) {
            recordings.remove(hash);
            recordings.put(hash, recording);
        }
    }

    /** The hash of a recorded request, built the way {@link CassetteProvider} hashes a live one. */
    static String hash(JsonNode request) {
        RequestHash hash = new RequestHash();
        if (request.path("systemPrompt").isString()) {
            hash.add("system", request.path("systemPrompt").asString());
        }
        for (JsonNode message : request.path("messages")) {
            hash.add(message.path("role").asString(""), message.path("content").asString(""));
        }
        return hash.hex();
    }

    /** Usage of the attempt whose output was returned (the last attempt with an output). */
    private static @Nullable Usage finalUsage(JsonNode record) {
        JsonNode attempts = record.path("attempts");
        for (int i = attempts.size() - 1; i >= 0; i--) {
            JsonNode usage = attempts.path(i).path("usage");
            if (attempts.path(i).path("output").isString() && usage.isObject()) {
                return Usage.of(usage.path("promptTokens").asInt(), usage.path("completionTokens").asInt(),
                        usage.path("estimated").asBoolean(false));
            }
        }
        return null;
    }
}
