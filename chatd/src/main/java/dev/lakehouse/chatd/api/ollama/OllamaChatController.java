package dev.lakehouse.chatd.api.ollama;

import dev.lakehouse.chatd.api.ChatEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/chat}: Ollama's chat API, whichever provider answers. */
@RestController
public class OllamaChatController {

    private final ChatEndpoint endpoint;
    private final OllamaCodec codec;

    public OllamaChatController(ChatEndpoint endpoint, OllamaCodec codec) {
        this.endpoint = endpoint;
        this.codec = codec;
    }

    @PostMapping("/api/chat")
    public void chat(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        endpoint.handle(codec, body, request, response);
    }
}
