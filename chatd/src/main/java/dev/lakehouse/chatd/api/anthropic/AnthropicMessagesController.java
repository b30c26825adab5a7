package dev.lakehouse.chatd.api.anthropic;

import dev.lakehouse.chatd.api.ChatEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/messages}: Anthropic's Messages API, whichever provider answers. */
@RestController
public class AnthropicMessagesController {

    private final ChatEndpoint endpoint;
    private final AnthropicCodec codec;

    public AnthropicMessagesController(ChatEndpoint endpoint, AnthropicCodec codec) {
        this.endpoint = endpoint;
        this.codec = codec;
    }

    @PostMapping("/v1/messages")
    public void messages(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        endpoint.handle(codec, body, request, response);
    }
}
