package dev.lakehouse.replayd.run;

import dev.lakehouse.schemas.replay.ReplayResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Appends results to {@code results.jsonl}, one line each, forced to disk before the checkpoint counts them. */
public final class ResultsWriter implements AutoCloseable {

    private final FileChannel channel;
    private final JsonMapper json;

    ResultsWriter(FileChannel channel, JsonMapper json) {
        this.channel = channel;
        this.json = json;
    }

    /** Appends the lines, forces them to disk, and returns the file's length after them. */
    public long append(List<ReplayResult> results) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (ReplayResult result : results) {
            lines.writeBytes(json.writeValueAsBytes(result));
            lines.write('\n');
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append results", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the results", e);
        }
    }
}
