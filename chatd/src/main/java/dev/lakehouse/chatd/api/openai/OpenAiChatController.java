package dev.lakehouse.chatd.api.openai;

import dev.lakehouse.chatd.api.ChatEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/chat/completions}: OpenAI's Chat Completions API, whichever provider answers. */
@RestController
public class OpenAiChatController {

    private final ChatEndpoint endpoint;
    private final OpenAiCodec codec;

    public OpenAiChatController(ChatEndpoint endpoint, OpenAiCodec codec) {
        this.endpoint = endpoint;
        this.codec = codec;
    }

    @PostMapping("/v1/chat/completions")
    public void complete(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        endpoint.handle(codec, body, request, response);
    }
}
