package dev.lakehouse.embedd.openai;

import dev.lakehouse.embedd.embedding.CacheStatus;
import dev.lakehouse.embedd.embedding.EmbeddingResult;
import dev.lakehouse.embedd.embedding.EmbeddingService;
import dev.lakehouse.embedd.embedding.InputLimits;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/embeddings}, exactly as OpenAI's official clients call it. */
@RestController
class OpenAiEmbeddingsController {

    private final EmbeddingService embeddings;
    private final InputLimits limits;

    OpenAiEmbeddingsController(EmbeddingService embeddings, InputLimits limits) {
        this.embeddings = embeddings;
        this.limits = limits;
    }

    @PostMapping(path = "/v1/embeddings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> create(@RequestBody OpenAiEmbeddingRequest request) {
        OpenAiEmbeddingRequest.Parsed parsed = request.parse();
        limits.check(parsed.inputs());
        EmbeddingResult result = embeddings.embed(parsed.model(), parsed.inputs(), parsed.options());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(CacheStatus.HEADER, result.cacheStatus().value())
                .body(OpenAiResponses.embeddings(parsed.model(), result, parsed.base64()));
    }
}
