package dev.lakehouse.chatd.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.chatd.provider.ProviderException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDeadlineTests {

    private final CallDeadline deadline = new CallDeadline();

    @AfterEach
    void close() {
        deadline.close();
    }

    @Test
    void aCallThatEndsInTimeAnswersOnItsOwnThreadAndLeavesNoAlarmBehind() throws Exception {
        Thread caller = Thread.currentThread();

        Thread ranOn = deadline.call(Thread::currentThread, Duration.ofMinutes(5), () -> { });

        assertThat(ranOn).isSameAs(caller);
        assertThat(deadline.pending()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aCallsOwnFailureComesThroughUnchanged() {
        ProviderException refused = ProviderException.connect("openai", "connection refused");

        assertThatThrownBy(() -> deadline.call(() -> { throw refused; }, Duration.ofMinutes(5), () -> { }))
                .isSameAs(refused);
        assertThat(deadline.pending()).isZero();
    }

    @Test
    void aBlockedCallIsAbortedAndInterruptedAtTheDeadlineAndItsThreadCanGoOn() throws Exception {
        AtomicBoolean aborted = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);

        assertThatThrownBy(() -> deadline.call(() -> never.await(1, TimeUnit.HOURS), Duration.ofMillis(50), () -> aborted.set(true)))
                .isInstanceOf(TimeoutException.class);

        assertThat(aborted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is cleared for the next provider").isFalse();
        assertThat(deadline.call(() -> "next provider", Duration.ofMinutes(5), () -> { })).isEqualTo("next provider");
    }

    @Test
    void aCallThatIgnoresTheInterruptStillEndsAsATimeoutOnceItReturns() {
        AtomicBoolean aborted = new AtomicBoolean();

        assertThatThrownBy(() -> deadline.call(() -> {
            long end = System.nanoTime() + Duration.ofMillis(200).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return "too late";
        }, Duration.ofMillis(20), () -> aborted.set(true))).isInstanceOf(TimeoutException.class);

        assertThat(aborted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
