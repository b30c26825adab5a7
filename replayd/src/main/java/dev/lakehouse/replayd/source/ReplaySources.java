package dev.lakehouse.replayd.source;

import java.util.function.Consumer;

/** Pins and streams a run's source, whichever kind it is. */
public class ReplaySources {

    private final ObservationCases observations;
    private final DatasetCases datasets;

    public ReplaySources(ObservationCases observations, DatasetCases datasets) {
        this.observations = observations;
        this.datasets = datasets;
    }

    /** @throws SourceException when the source cannot be read as named */
    public Pin pin(SourceSpec source, long maxRecords) {
        return source.dataset() != null ? datasets.pin(source.dataset(), maxRecords)
                : observations.pin(java.util.Objects.requireNonNull(source.observations()), maxRecords);
    }

    /**
     * Hands the records with {@code fromSeq <= seq < pin.total()} to {@code sink} in seq order.
     * The sink may throw to stop.
     *
     * @throws SourceException when a pinned file can no longer be read as it was
     */
    public void stream(SourceSpec source, Pin pin, long fromSeq, Consumer<ReplayCase> sink) {
        if (source.dataset() != null) {
            datasets.stream(source.dataset(), pin, fromSeq, pin.total(), sink);
        } else {
            observations.stream(java.util.Objects.requireNonNull(source.observations()), pin, fromSeq, pin.total(), sink);
        }
    }
}
