package dev.lakehouse.chatd.provider;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts streams that fall silent: a blocked read cannot time out by itself, so one thread closes
 * every watched stream whose last event is older than its idle timeout.
 */
public final class IdleWatchdog implements AutoCloseable {

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chatd-stream-watchdog").daemon(true).factory());

    public IdleWatchdog(Duration checkInterval) {
        long millis = Math.max(10, checkInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    public Watch watch(AutoCloseable target, Duration idleTimeout) {
        Watch watch = new Watch(target, idleTimeout.toNanos());
        watches.add(watch);
        return watch;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (now - watch.lastActivity > watch.idleNanos) {
                watch.expire();
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** One watched stream. */
    public final class Watch {

        private final AutoCloseable target;
        private final long idleNanos;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean expired;

        private Watch(AutoCloseable target, long idleNanos) {
            this.target = target;
            this.idleNanos = idleNanos;
        }

        public void touch() {
            lastActivity = System.nanoTime();
        }

        public boolean expired() {
            return expired;
        }

        public Duration idleTimeout() {
            return Duration.ofNanos(idleNanos);
        }

        public void cancel() {
            watches.remove(this);
        }

        private void expire() {
            expired = true;
            watches.remove(this);
            try {
                target.close();
            } catch (Exception e) {
                // closing is the point; a failure to close changes nothing
            }
        }
    }
}
