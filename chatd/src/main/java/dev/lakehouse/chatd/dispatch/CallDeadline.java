package dev.lakehouse.chatd.dispatch;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds a blocking provider call made on the calling thread: at the deadline it runs the call's
 * abort and interrupts the thread, and the call ends in a {@link TimeoutException}. Resilience4j's
 * time limiter needs the call on a second thread; that hand-off there and back was a measurable
 * part of chatd's added latency (docs/benchmarks.md), and a provider call made here is already on
 * its request's own virtual thread.
 */
final class CallDeadline implements AutoCloseable {

    private final ScheduledThreadPoolExecutor alarms;

    CallDeadline() {
        alarms = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("chatd-call-deadline").factory());
        // Nearly every call ends long before its deadline: its alarm must leave the queue at once.
        alarms.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code work} here. If it is still running after {@code timeout}, {@code onTimeout} runs
     * and this thread is interrupted; once {@code work} returns or throws, the interrupt is cleared
     * and a {@link TimeoutException} thrown, whatever {@code work} answered.
     */
    <T> T call(Callable<T> work, Duration timeout, Runnable onTimeout) throws Exception {
        Alarm alarm = new Alarm(Thread.currentThread(), onTimeout);
        ScheduledFuture<?> scheduled = alarms.schedule(alarm::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
        T result = null;
        Exception failure = null;
        try {
            result = work.call();
        } catch (Exception e) {
            failure = e;
        } finally {
            scheduled.cancel(false);
        }
        if (alarm.rang()) {
            throw new TimeoutException();
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Alarms of calls still running. */
    int pending() {
        return alarms.getQueue().size();
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }

    /** Either the call finishes first or the alarm rings first; never both. */
    private static final class Alarm {

        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int RINGING = 2;
        private static final int RUNG = 3;

        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private final Thread caller;
        private final Runnable onTimeout;

        Alarm(Thread caller, Runnable onTimeout) {
            this.caller = caller;
            this.onTimeout = onTimeout;
        }

        void ring() {
            if (!state.compareAndSet(RUNNING, RINGING)) {
                return;
            }
            try {
                onTimeout.run();
            } finally {
                caller.interrupt();
                state.set(RUNG);
            }
        }

        /**
         * Called once by the caller when its work is over: false if the work finished first; true if
         * the alarm rang, in which case the interrupt it sent is cleared, so the caller's thread
         * can go on to the next provider.
         */
        boolean rang() {
            if (state.compareAndSet(RUNNING, FINISHED)) {
                return false;
            }
            while (state.get() != RUNG) {
                Thread.yield();
            }
            Thread.interrupted();
            return true;
        }
    }
}
