package dev.lakehouse.chassis.lake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes records of one stream off the request path: callers {@link #offer} a record into a
 * bounded queue and return at once; one thread serialises, appends, syncs and rolls. When
 * the queue is full the record is dropped and counted — the caller's request never waits
 * for the disk. {@link #close} drains the queue and seals the segment.
 */
public final class LakeWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LakeWriter.class);
    private static final Object STOP = new Object();

    private final String stream;
    private final SegmentWriter segments;
    private final JsonMapper json;
    private final BlockingQueue<Object> queue;
    private final long fsyncIntervalNanos;
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;
    private final Thread thread;
    private volatile boolean closed;

    LakeWriter(String stream, SegmentWriter segments, JsonMapper json, int capacity, Duration fsyncInterval,
            MeterRegistry meters) {
        this.stream = stream;
        this.segments = segments;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.fsyncIntervalNanos = fsyncInterval.toNanos();
        this.written = Counter.builder("lakehouse.lake.records.written").tag("stream", stream)
                .description("records appended to the lake").register(meters);
        this.dropped = Counter.builder("lakehouse.lake.records.dropped").tag("stream", stream)
                .description("records dropped because the write queue was full").register(meters);
        this.failed = Counter.builder("lakehouse.lake.records.failed").tag("stream", stream)
                .description("records that could not be serialised or written").register(meters);
        Gauge.builder("lakehouse.lake.queue.size", queue, BlockingQueue::size).tag("stream", stream)
                .description("records waiting to be written").register(meters);
        this.thread = Thread.ofPlatform().name("lake-writer-" + stream).daemon(true).start(this::run);
    }

    /** Queues a record; returns false (and counts a drop) when the queue is full or closed. */
    public boolean offer(Object record) {
        if (closed || !queue.offer(record)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    public String stream() {
        return stream;
    }

    private void run() {
        long lastSync = System.nanoTime();
        while (true) {
            Object record;
            try {
                record = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (record == STOP) {
                return;
            }
            if (record != null) {
                write(record);
            }
            if (System.nanoTime() - lastSync >= fsyncIntervalNanos) {
                sync();
                lastSync = System.nanoTime();
            }
        }
    }

    private void write(Object record) {
        try {
            segments.append(record instanceof String line ? line : json.writeValueAsString(record));
            written.increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.error("lake stream {}: could not write a record", stream, e);
        }
    }

    private void sync() {
        try {
            segments.sync();
            segments.rollIfDue();
        } catch (RuntimeException e) {
            log.error("lake stream {}: could not sync", stream, e);
        }
    }

    /** Drains what is queued, seals the current segment and stops the writer thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        segments.close();
    }
}
