package dev.lakehouse.chatd.api.openai;

import dev.lakehouse.chatd.api.SurfaceAdvice;
import dev.lakehouse.chatd.api.SurfaceCodec;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the OpenAI-shaped routes as {@code {"error": {message, type, param, code}}}. */
@RestControllerAdvice(assignableTypes = {OpenAiChatController.class, ModelsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpenAiErrorAdvice extends SurfaceAdvice {

    private final OpenAiCodec codec;

    public OpenAiErrorAdvice(OpenAiCodec codec) {
        this.codec = codec;
    }

    @Override
    protected SurfaceCodec codec() {
        return codec;
    }
}
