package dev.lakehouse.embedd.ollamaapi;

import dev.lakehouse.embedd.embedding.CacheStatus;
import dev.lakehouse.embedd.embedding.EmbeddingResult;
import dev.lakehouse.embedd.embedding.EmbeddingService;
import dev.lakehouse.embedd.embedding.InputLimits;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/embed}, exactly as Ollama's official clients call it. */
@RestController
class OllamaEmbedController {

    private final EmbeddingService embeddings;
    private final InputLimits limits;

    OllamaEmbedController(EmbeddingService embeddings, InputLimits limits) {
        this.embeddings = embeddings;
        this.limits = limits;
    }

    @PostMapping(path = "/api/embed", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> embed(@RequestBody OllamaEmbedRequest request) {
        long start = System.nanoTime();
        OllamaEmbedRequest.Parsed parsed = request.parse();
        limits.check(parsed.inputs());
        EmbeddingResult result = embeddings.embed(parsed.model(), parsed.inputs(), parsed.options());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(CacheStatus.HEADER, result.cacheStatus().value())
                .body(OllamaEmbedResponses.embed(parsed.model(), result, System.nanoTime() - start));
    }
}
