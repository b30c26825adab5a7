package dev.lakehouse.embedd.ollamaapi;

import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.web.ApiErrorShape;
import dev.lakehouse.embedd.web.ApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of {@code /api/embed} in Ollama's shape {@code {"error":"..."}}, which its clients
 * raise as {@code ResponseError}: ahead of the chassis' problem details, which still answer
 * what happens before a controller is chosen (unknown route 404, 405, 415).
 */
@RestControllerAdvice(assignableTypes = OllamaEmbedController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OllamaErrorAdvice {

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> handle(Exception error) {
        return ApiErrors.respond(error, OllamaEmbedResponses::error);
    }

    @Component
    static class Shape implements ApiErrorShape {

        @Override
        public boolean handles(String path) {
            return path.equals("/api/embed");
        }

        @Override
        public byte[] render(EmbeddingException error) {
            return OllamaEmbedResponses.error(error);
        }
    }
}
