package dev.lakehouse.replayd.source;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Exactly one of a dataset version or observation filters. */
public record SourceSpec(@Nullable DatasetSpec dataset, @Nullable ObservationFilters observations) {

    public SourceSpec {
        if ((dataset == null) == (observations == null)) {
            throw new IllegalArgumentException("a source is either a dataset or observation filters");
        }
    }

    public static SourceSpec of(DatasetSpec dataset) {
        return new SourceSpec(dataset, null);
    }

    public static SourceSpec of(ObservationFilters observations) {
        return new SourceSpec(null, observations);
    }

    public String kind() {
        return dataset != null ? "dataset" : "observations";
    }

    public @Nullable Map<String, Object> filters() {
        return observations == null ? null : observations.describe();
    }
}
