package dev.lakehouse.materializerd.vectorpush;

import dev.lakehouse.materializerd.MaterializerdException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a rag dataset is pushed once it is written: a vectord collection, created when missing,
 * whose points are the chunks, embedded by vectord through embedd.
 *
 * @param collection vectord collection name
 * @param embedModel embedd model that embeds the chunks (default {@code all-minilm}, the in-process model)
 * @param dimension the model's vector length (default 384, all-minilm's)
 * @param metric {@code cosine} (default), {@code dot} or {@code l2}
 */
public record PushTarget(String collection, @Nullable String embedModel, @Nullable Integer dimension, @Nullable String metric) {

    // vectord's collection name rule.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> METRICS = Set.of("cosine", "dot", "l2");

    public PushTarget normalized() {
        if (collection == null || !NAME.matcher(collection).matches()) {
            throw MaterializerdException.invalid("options.push.collection must match " + NAME.pattern());
        }
        String model = embedModel == null ? "all-minilm" : embedModel;
        int dim = dimension == null ? 384 : dimension;
        String how = metric == null ? "cosine" : metric;
        if (dim < 1 || dim > 4096) {
            throw MaterializerdException.invalid("options.push.dimension must be 1..4096");
        }
        if (!METRICS.contains(how)) {
            throw MaterializerdException.invalid("options.push.metric must be one of " + METRICS);
        }
        return new PushTarget(collection, model, dim, how);
    }
}
