package dev.lakehouse.chatd.provider;

import java.io.InputStream;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Server-sent events (WHATWG HTML, "Server-sent events" 9.2.6): {@code event:} and {@code data:}
 * fields, several data lines joined by a newline, a blank line dispatches, lines starting with a
 * colon are comments (OpenRouter's keep-alives).
 */
public abstract class SseStream extends FramedStream {

    private @Nullable String eventName;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    protected SseStream(String provider, HttpResponse<InputStream> response, IdleWatchdog watchdog,
            ProviderSettings settings) {
        super(provider, response, watchdog, settings);
    }

    @Override
    protected final void onLine(String line) throws ProviderException {
        if (line.isEmpty()) {
            if (hasData) {
                String name = eventName == null ? "message" : eventName;
                String payload = data.toString();
                eventName = null;
                data.setLength(0);
                hasData = false;
                onEvent(name, payload);
            }
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            eventName = value;
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }

    /** One dispatched event; {@code name} is "message" when the provider sent no {@code event:} line. */
    protected abstract void onEvent(String name, String data) throws ProviderException;
}
