package dev.lakehouse.chassis.lake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decodes, validates and transforms lines on several threads in batches, and hands the
 * results to the sink on the calling thread in line order. At most {@code 2 x parallelism}
 * batches are in flight, so memory stays bounded whatever the segment's size.
 */
final class OrderedParallelLines<T> implements SegmentScanner.LineSink, AutoCloseable {

    private static final int BATCH_LINES = 256;
    private static final int BATCH_BYTES = 1 << 20;

    private final Segment segment;
    private final LineDecoder decoder;
    private final Function<LakeLine, @Nullable T> transform;
    private final Consumer<T> sink;
    private final int window;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ArrayDeque<CompletableFuture<List<Object>>> inFlight = new ArrayDeque<>();
    private final List<SegmentRead.InvalidLine> invalid = new ArrayList<>();
    private List<byte @Nullable []> lines = new ArrayList<>(BATCH_LINES);
    private long firstLineNumber = 1;
    private int batchBytes;
    private long records;

    OrderedParallelLines(Segment segment, LineDecoder decoder, int parallelism, Function<LakeLine, @Nullable T> transform,
            Consumer<T> sink) {
        this.segment = segment;
        this.decoder = decoder;
        this.transform = transform;
        this.sink = sink;
        this.window = 2 * parallelism;
    }

    @Override
    public void line(byte[] bytes, int length, long lineNumber) {
        add(Arrays.copyOf(bytes, length), lineNumber);
        batchBytes += length;
    }

    @Override
    public void overlong(long lineNumber) {
        add(null, lineNumber);
    }

    private void add(byte @Nullable [] line, long lineNumber) {
        if (lines.isEmpty()) {
            firstLineNumber = lineNumber;
        }
        lines.add(line);
        if (lines.size() >= BATCH_LINES || batchBytes >= BATCH_BYTES) {
            submit();
        }
    }

    private void submit() {
        List<byte @Nullable []> batch = lines;
        long first = firstLineNumber;
        lines = new ArrayList<>(BATCH_LINES);
        batchBytes = 0;
        inFlight.add(CompletableFuture.supplyAsync(() -> decode(batch, first), workers));
        while (inFlight.size() >= window) {
            deliver(inFlight.removeFirst());
        }
    }

    /** Sends what is still buffered or in flight to the sink, in order. */
    void finish() {
        if (!lines.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            deliver(inFlight.removeFirst());
        }
    }

    private List<Object> decode(List<byte @Nullable []> batch, long first) {
        List<Object> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            byte[] line = batch.get(i);
            long lineNumber = first + i;
            Object decoded = line == null ? LineDecoder.overlong(lineNumber) : decoder.decode(line, line.length, lineNumber);
            if (decoded instanceof JsonNode node) {
                T out = transform.apply(new LakeLine(segment, lineNumber, node));
                results.add(out == null ? Skipped.INSTANCE : new Accepted<>(out));
            } else {
                results.add(decoded);
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private void deliver(CompletableFuture<List<Object>> batch) {
        List<Object> results;
        try {
            results = batch.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        for (Object result : results) {
            if (result instanceof SegmentRead.InvalidLine line) {
                invalid.add(line);
                continue;
            }
            records++;
            if (result instanceof Accepted<?> accepted) {
                sink.accept((T) accepted.value());
            }
        }
    }

    long records() {
        return records;
    }

    List<SegmentRead.InvalidLine> invalid() {
        return invalid;
    }

    @Override
    public void close() {
        inFlight.forEach(future -> future.cancel(false));
        workers.shutdownNow();
    }

    private record Accepted<V>(V value) {
    }

    private enum Skipped {
        INSTANCE
    }
}
