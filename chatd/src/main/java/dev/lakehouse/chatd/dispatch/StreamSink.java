package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.schemas.observation.Usage;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Where a relayed stream goes: a surface's encoder writing SSE or NDJSON to the client. An
 * {@link IOException} means the client went away.
 */
public interface StreamSink {

    /** Commits the response (status, headers) and writes the surface's opening events. */
    void open(Candidate servedBy, CallTrace trace) throws IOException;

    /** Writes a piece of the answer (text or tool-call deltas). */
    void event(StreamEvent event) throws IOException;

    /** Writes the surface's closing events ({@code [DONE]}, {@code done: true}, {@code message_stop}). */
    void finish(@Nullable String finishReason, Usage usage) throws IOException;

    /** Writes the surface's error event and ends the stream without its terminal event. */
    void error(ChatError error) throws IOException;
}
