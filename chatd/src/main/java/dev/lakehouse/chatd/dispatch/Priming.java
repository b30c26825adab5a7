package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.provider.ProviderClient;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderRequest;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.provider.UpstreamStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Opens a provider stream and reads it until its first piece of content (or its end), within the
 * provider's deadline: everything up to here can still be retried or failed over. {@link #abort()}
 * closes the connection from the deadline's thread.
 */
final class Priming {

    private final ProviderClient client;
    private final ProviderRequest request;
    private final List<StreamEvent> events = new ArrayList<>();
    private volatile @Nullable UpstreamStream stream;
    private boolean ended;
    private long firstContentNanos;

    Priming(ProviderClient client, ProviderRequest request) {
        this.client = client;
        this.request = request;
    }

    Priming prime() throws ProviderException {
        UpstreamStream opened = client.stream(request);
        stream = opened;
        while (true) {
            StreamEvent event = opened.next();
            if (event == null) {
                ended = true;
                firstContentNanos = System.nanoTime();
                return this;
            }
            events.add(event);
            if (event.hasContent()) {
                firstContentNanos = System.nanoTime();
                return this;
            }
        }
    }

    void abort() {
        UpstreamStream opened = stream;
        if (opened != null) {
            opened.close();
        }
    }

    UpstreamStream stream() {
        return java.util.Objects.requireNonNull(stream);
    }

    List<StreamEvent> events() {
        return events;
    }

    /** The provider's stream already ended while priming (an empty answer). */
    boolean ended() {
        return ended;
    }

    long firstContentNanos() {
        return firstContentNanos;
    }
}
