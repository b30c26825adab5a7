package dev.lakehouse.gateway.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests in flight per key; a slot is held until the response has been written to its end. */
public class ConcurrencyLimiter {

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public boolean tryAcquire(String keyId, int max) {
        AtomicInteger count = inFlight.computeIfAbsent(keyId, id -> new AtomicInteger());
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    public void release(String keyId) {
        AtomicInteger count = inFlight.get(keyId);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    public int inFlight(String keyId) {
        AtomicInteger count = inFlight.get(keyId);
        return count == null ? 0 : count.get();
    }
}
