package dev.lakehouse.replayd.peer;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** embedd's OpenAI-compatible embeddings endpoint. */
@HttpExchange
public interface EmbeddClient {

    @PostExchange(url = "/v1/embeddings", contentType = "application/json", accept = "application/json")
    EmbeddingResponse embed(@RequestBody EmbeddingRequest request);
}
