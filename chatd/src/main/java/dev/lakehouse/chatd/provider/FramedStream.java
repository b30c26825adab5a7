package dev.lakehouse.chatd.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A provider stream read line by line: subclasses turn frames (SSE events, NDJSON lines) into
 * {@link StreamEvent}s and say when the provider's terminal event arrived. Reaching the end of
 * the connection before that is a {@link ProviderException.Kind#STREAM_CUT}; a silence longer
 * than the idle timeout closes the connection and is a {@link ProviderException.Kind#TIMEOUT}.
 */
public abstract class FramedStream implements UpstreamStream {

    protected final String provider;
    private final InputStream body;
    private final LineReader lines;
    private final IdleWatchdog.Watch watch;
    private final Deque<StreamEvent> pending = new ArrayDeque<>();
    private boolean terminal;
    private volatile boolean closed;

    protected FramedStream(String provider, HttpResponse<InputStream> response, IdleWatchdog watchdog,
            ProviderSettings settings) {
        this.provider = provider;
        this.body = response.body();
        this.lines = new LineReader(body);
        this.watch = watchdog.watch(this, settings.streamIdleTimeout());
    }

    @Override
    public final @Nullable StreamEvent next() throws ProviderException {
        while (true) {
            StreamEvent event = pending.poll();
            if (event != null) {
                return event;
            }
            if (terminal) {
                close();
                return null;
            }
            String line = readLine();
            if (line == null) {
                if (!endIsTerminal()) {
                    close();
                    throw ProviderException.streamCut(provider, "the stream ended without its terminal event");
                }
                terminal = true;
            } else {
                onLine(line);
            }
        }
    }

    private @Nullable String readLine() throws ProviderException {
        try {
            String line = lines.readLine();
            watch.touch();
            return line;
        } catch (IOException e) {
            close();
            if (watch.expired()) {
                throw ProviderException.timeout(provider, "no stream event for " + watch.idleTimeout().toSeconds() + "s");
            }
            throw ProviderException.streamCut(provider, "connection lost mid-stream");
        }
    }

    /** Handles one line of the stream; calls {@link #emit} and {@link #terminate} as the frames say. */
    protected abstract void onLine(String line) throws ProviderException;

    /** Whether the end of the connection is a clean end at this point (Gemini has no terminal event). */
    protected boolean endIsTerminal() {
        return false;
    }

    protected final void emit(StreamEvent event) {
        pending.add(event);
    }

    protected final void terminate() {
        terminal = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watch.cancel();
        try {
            body.close();
        } catch (IOException e) {
            // the connection is being dropped anyway
        }
    }
}
