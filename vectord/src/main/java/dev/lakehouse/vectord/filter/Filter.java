package dev.lakehouse.vectord.filter;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed payload filter, independent of the engine: a boolean combination of conditions on
 * payload keys whose types are known (see {@link FilterParser}).
 */
public sealed interface Filter {

    /**
     * Every {@code must} holds, at least one {@code should} holds when there are any, and no
     * {@code mustNot} holds.
     */
    record Bool(List<Filter> must, List<Filter> should, List<Filter> mustNot) implements Filter {

        public Bool {
            must = List.copyOf(must);
            should = List.copyOf(should);
            mustNot = List.copyOf(mustNot);
        }
    }

    /** The key has this value (one of its values, for arrays). */
    record Match(String key, PayloadType type, Object value) implements Filter {
    }

    /** The key has one of these values. */
    record Any(String key, PayloadType type, List<Object> values) implements Filter {

        public Any {
            values = List.copyOf(values);
        }
    }

    /** The numeric key lies within the bounds; absent bounds are open. */
    record Range(String key, @Nullable Double gt, @Nullable Double gte, @Nullable Double lt, @Nullable Double lte)
            implements Filter {
    }
}
