package dev.lakehouse.chatd.api;

import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.dispatch.Answer;
import dev.lakehouse.chatd.dispatch.StreamSink;
import dev.lakehouse.schemas.observation.Surface;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** One API shape chatd speaks (OpenAI, Ollama, Anthropic): its requests, answers, streams and errors. */
public interface SurfaceCodec {

    Surface surface();

    /** Reads a request; a malformed one throws a 400 {@link dev.lakehouse.chatd.chat.ChatException}. */
    ChatCall parse(JsonNode body, @Nullable String roleHeader);

    /** The JSON body of a complete answer. */
    JsonNode answer(ChatCall call, Answer answer, String responseId);

    /** A sink writing this surface's stream format to the response. */
    StreamSink streamSink(ChatCall call, HttpServletResponse response, String responseId);

    /** An error in this surface's shape. */
    ResponseEntity<JsonNode> error(ChatError error);
}
