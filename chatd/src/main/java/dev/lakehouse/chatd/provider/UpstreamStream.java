package dev.lakehouse.chatd.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider's streamed answer, read event by event on the caller's thread.
 * {@link #next()} returns null only after the provider's terminal event; a stream that ends
 * without one throws a {@link ProviderException.Kind#STREAM_CUT}, never a clean end.
 */
public interface UpstreamStream extends AutoCloseable {

    /** The next event, or null once the provider's terminal event was read. */
    @Nullable StreamEvent next() throws ProviderException;

    /** Releases the connection; safe to call from another thread to abort a blocked read. */
    @Override
    void close();
}
