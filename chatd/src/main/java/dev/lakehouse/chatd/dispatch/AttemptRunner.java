package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderRegistry;
import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.chatd.provider.ProviderRequest;
import io.github.resilience4j.retry.Retry;
import java.time.Instant;
import java.util.List;

/**
 * Runs the tries at one provider: the provider's Retry around each try, the breaker permission
 * and bulkhead permit, the deadline, the role's attempt limit, and an attempt recorded in the
 * {@link CallTrace} for every try whatever its end.
 */
final class AttemptRunner {

    private final ProviderRegistry providers;
    private final ProviderGuards guards;

    AttemptRunner(ProviderRegistry providers, ProviderGuards guards) {
        this.providers = providers;
        this.guards = guards;
    }

    /** One provider call, retried per the provider's Retry (each try recorded); the wait counts as upstream time. */
    Attempted complete(CallTrace trace, Candidate candidate, List<Message> conversation, boolean reask)
            throws ProviderException {
        ProviderClient client = client(candidate);
        ProviderGuard guard = guard(candidate);
        ProviderRequest request = request(trace.call(), candidate, conversation);
        return retried(trace, guard, () -> {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            ProviderGuard.Lease lease = lease(trace, guard, candidate, startedAt, start, reask);
            try {
                ProviderReply reply = guard.timeLimited(() -> client.complete(request), () -> { });
                lease.succeed();
                return new Attempted(reply, startedAt, CallTrace.millis(System.nanoTime() - start));
            } catch (ProviderException e) {
                lease.fail(e);
                trace.failedAttempt(candidate, startedAt, start, e, reask);
                throw e;
            }
        });
    }

    LiveStream stream(ChatDispatcher dispatcher, CallTrace trace, Candidate candidate) throws ProviderException {
        ProviderClient client = client(candidate);
        ProviderGuard guard = guard(candidate);
        ProviderRequest request = request(trace.call(), candidate, ChatDispatcher.conversation(trace.role(), trace.call()));
        return retried(trace, guard, () -> {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            ProviderGuard.Lease lease = lease(trace, guard, candidate, startedAt, start, false);
            Priming priming = new Priming(client, request);
            try {
                priming = guard.timeLimited(priming::prime, priming::abort);
                return new LiveStream(dispatcher, trace, candidate, lease, priming, startedAt, start);
            } catch (ProviderException e) {
                priming.abort();
                lease.fail(e);
                trace.failedAttempt(candidate, startedAt, start, e, false);
                throw e;
            }
        });
    }

    private ProviderGuard.Lease lease(CallTrace trace, ProviderGuard guard, Candidate candidate, Instant startedAt,
            long start, boolean reask) throws ProviderException {
        ProviderGuard.Lease lease;
        try {
            lease = guard.acquire();
        } catch (ProviderException e) {
            trace.failedAttempt(candidate, startedAt, start, e, reask);
            throw e;
        }
        if (!trace.takeAttempt()) {
            lease.release();
            throw new AttemptsExhausted(trace.lastFailure());
        }
        return lease;
    }

    private static <T> T retried(CallTrace trace, ProviderGuard guard, ProviderCall<T> call) throws ProviderException {
        long start = System.nanoTime();
        try {
            return Retry.decorateCheckedSupplier(guard.retry(), call::run).get();
        } catch (ProviderException | AttemptsExhausted | ChatException e) {
            throw e;
        } catch (Throwable e) {
            throw ProviderException.protocol(guard.provider(), "unexpected failure: " + e.getClass().getSimpleName());
        } finally {
            trace.addUpstream(System.nanoTime() - start);
        }
    }

    private ProviderRequest request(ChatCall call, Candidate candidate, List<Message> conversation) {
        return new ProviderRequest(candidate.ref().model(), conversation, call.params(), call.tools(),
                call.passthrough());
    }

    private ProviderClient client(Candidate candidate) throws ProviderException {
        ProviderRegistry.Entry entry = providers.entry(candidate.ref().provider());
        if (entry == null || entry.client() == null) {
            throw new ProviderException(candidate.ref().provider(), ProviderException.Kind.CIRCUIT_OPEN, null, null,
                    candidate.ref().provider() + " is disabled");
        }
        return entry.client();
    }

    private ProviderGuard guard(Candidate candidate) throws ProviderException {
        ProviderGuard guard = guards.guard(candidate.ref().provider());
        if (guard == null) {
            throw new ProviderException(candidate.ref().provider(), ProviderException.Kind.CIRCUIT_OPEN, null, null,
                    candidate.ref().provider() + " has no guard");
        }
        return guard;
    }

    /** One try, as Retry calls it. */
    @FunctionalInterface
    private interface ProviderCall<T> {
        T run() throws ProviderException;
    }

    record Attempted(ProviderReply reply, Instant startedAt, double latencyMs) {
    }
}
