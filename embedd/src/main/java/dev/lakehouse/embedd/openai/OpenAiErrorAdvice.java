package dev.lakehouse.embedd.openai;

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
 * Errors of {@code /v1/embeddings} and {@code /v1/models} in OpenAI's shape, which the official
 * clients parse: ahead of the chassis' problem details, which still answer what happens before
 * a controller is chosen (unknown route 404, 405, 415).
 */
@RestControllerAdvice(assignableTypes = {OpenAiEmbeddingsController.class, OpenAiModelsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrorAdvice {

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> handle(Exception error) {
        return ApiErrors.respond(error, OpenAiResponses::error);
    }

    @Component
    static class Shape implements ApiErrorShape {

        @Override
        public boolean handles(String path) {
            return path.equals("/v1/embeddings") || path.equals("/v1/models");
        }

        @Override
        public byte[] render(EmbeddingException error) {
            return OpenAiResponses.error(error);
        }
    }
}
