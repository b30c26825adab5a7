package dev.lakehouse.vectord.filter;

import dev.lakehouse.vectord.VectordException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of every payload key of one collection. A key's type is fixed by the first point
 * that carries it; a point that gives it another type is refused, so a filter on a key always
 * means one thing, and a filter on a key no point has, or with the wrong type, is a 400.
 */
public final class PayloadSchema {

    private final Map<String, PayloadType> types = new ConcurrentHashMap<>();

    public PayloadSchema(Map<String, PayloadType> known) {
        types.putAll(known);
    }

    public Optional<PayloadType> typeOf(String key) {
        return Optional.ofNullable(types.get(key));
    }

    /** Checks the values of a whole request against the schema and each other, then records new keys. */
    public void register(List<PayloadValue> values) {
        Map<String, PayloadType> proposed = new HashMap<>();
        for (PayloadValue value : values) {
            PayloadType before = proposed.putIfAbsent(value.key(), value.type());
            PayloadType known = types.getOrDefault(value.key(), before);
            if (known != null && known != value.type()) {
                throw conflict(value.key(), known, value.type());
            }
        }
        proposed.forEach((key, type) -> {
            PayloadType winner = types.putIfAbsent(key, type);
            if (winner != null && winner != type) {
                throw conflict(key, winner, type);
            }
        });
    }

    /** Keys and their types, sorted by key. */
    public Map<String, PayloadType> asMap() {
        return new TreeMap<>(types);
    }

    private static VectordException conflict(String key, PayloadType known, PayloadType given) {
        return VectordException.invalid("payload_type_conflict", "payload key '" + key + "' holds " + known.wire()
                + " values in this collection; a point gave it a " + given.wire()
                + " value (a key keeps one type so that filters on it mean one thing)");
    }
}
