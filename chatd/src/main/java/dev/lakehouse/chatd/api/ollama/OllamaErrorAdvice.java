package dev.lakehouse.chatd.api.ollama;

import dev.lakehouse.chatd.api.SurfaceAdvice;
import dev.lakehouse.chatd.api.SurfaceCodec;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /api/chat} as Ollama's {@code {"error": "..."}}. */
@RestControllerAdvice(assignableTypes = OllamaChatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OllamaErrorAdvice extends SurfaceAdvice {

    private final OllamaCodec codec;

    public OllamaErrorAdvice(OllamaCodec codec) {
        this.codec = codec;
    }

    @Override
    protected SurfaceCodec codec() {
        return codec;
    }
}
