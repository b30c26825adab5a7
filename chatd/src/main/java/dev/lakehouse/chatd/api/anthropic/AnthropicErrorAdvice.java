package dev.lakehouse.chatd.api.anthropic;

import dev.lakehouse.chatd.api.SurfaceAdvice;
import dev.lakehouse.chatd.api.SurfaceCodec;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /v1/messages} as Anthropic's {@code {"type": "error", "error": {type, message}}}. */
@RestControllerAdvice(assignableTypes = AnthropicMessagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AnthropicErrorAdvice extends SurfaceAdvice {

    private final AnthropicCodec codec;

    public AnthropicErrorAdvice(AnthropicCodec codec) {
        this.codec = codec;
    }

    @Override
    protected SurfaceCodec codec() {
        return codec;
    }
}
