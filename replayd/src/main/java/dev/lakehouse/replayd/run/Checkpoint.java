package dev.lakehouse.replayd.run;

/**
 * How far a run got, written atomically after each batch: every record with a seq below
 * {@code next} has exactly one result among the first {@code resultsBytes} bytes of
 * {@code results.jsonl}, and nothing after those bytes counts. A restart truncates the results
 * to {@code resultsBytes} and continues at {@code next}, so a crash between writing results and
 * writing the checkpoint neither duplicates nor loses a result.
 */
public record Checkpoint(long next, long resultsBytes, Progress progress) {

    public static final Checkpoint START = new Checkpoint(0, 0, Progress.NONE);
}
