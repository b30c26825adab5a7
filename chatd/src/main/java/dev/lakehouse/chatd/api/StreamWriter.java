package dev.lakehouse.chatd.api;

import dev.lakehouse.chatd.dispatch.CallTrace;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a stream straight to the servlet response on the request's virtual thread, flushing
 * every event so it reaches the client at once.
 */
public final class StreamWriter {

    private static final byte[] SSE_DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SSE_EVENT = "event: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SSE_END = "\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final JsonMapper json;
    private @Nullable OutputStream out;

    public StreamWriter(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    public JsonMapper json() {
        return json;
    }

    /** Status 200, the stream's media type and chatd's headers; the response is committed on the first flush. */
    public void commit(String contentType, CallTrace trace, String provider) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-cache");
        // Tells buffering proxies (nginx) to pass events through as they come.
        response.setHeader("X-Accel-Buffering", "no");
        ChatHeaders.apply(response, trace, provider);
        out = response.getOutputStream();
    }

    /** One SSE event: an optional {@code event:} line, one {@code data:} line, a blank line. */
    public void sse(@Nullable String event, JsonNode data) throws IOException {
        OutputStream stream = stream();
        if (event != null) {
            stream.write(SSE_EVENT);
            stream.write(event.getBytes(StandardCharsets.UTF_8));
            stream.write(NEWLINE);
        }
        stream.write(SSE_DATA);
        stream.write(json.writeValueAsBytes(data));
        stream.write(SSE_END);
        stream.flush();
    }

    /** An SSE data line that is not JSON ({@code [DONE]}). */
    public void sseRaw(String data) throws IOException {
        OutputStream stream = stream();
        stream.write(SSE_DATA);
        stream.write(data.getBytes(StandardCharsets.UTF_8));
        stream.write(SSE_END);
        stream.flush();
    }

    /** One NDJSON line. */
    public void line(JsonNode data) throws IOException {
        OutputStream stream = stream();
        stream.write(json.writeValueAsBytes(data));
        stream.write(NEWLINE);
        stream.flush();
    }

    private OutputStream stream() throws IOException {
        if (out == null) {
            throw new IOException("the stream was not committed");
        }
        return out;
    }
}
