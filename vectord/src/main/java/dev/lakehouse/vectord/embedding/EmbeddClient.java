package dev.lakehouse.vectord.embedding;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/** embedd's OpenAI-compatible embeddings endpoint; base URL, internal token and request id come from the chassis. */
public interface EmbeddClient {

    @PostExchange(url = "/v1/embeddings", contentType = "application/json", accept = "application/json")
    EmbeddingResponse embed(@RequestBody EmbeddingRequest request);
}
