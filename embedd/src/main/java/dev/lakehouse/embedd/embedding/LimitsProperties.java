package dev.lakehouse.embedd.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one request may ask. The body size is the chassis' {@code lakehouse.http.max-body-size}.
 *
 * @param maxInputs texts in one request (OpenAI's own limit is 2048)
 * @param maxInputChars characters (UTF-16 units) in one text. 32,768 covers the longest
 *        context of common embedding models (8,192 tokens, as OpenAI's and nomic-embed-text's,
 *        at about 4 characters a token); beyond it every model truncates anyway, so a longer
 *        text only costs tokenizer time
 */
@ConfigurationProperties("lakehouse.embedd.limits")
public record LimitsProperties(@DefaultValue("2048") int maxInputs, @DefaultValue("32768") int maxInputChars) {

    public LimitsProperties {
        if (maxInputs < 1 || maxInputChars < 1) {
            throw new IllegalArgumentException("lakehouse.embedd.limits.max-inputs and max-input-chars must be at least 1");
        }
    }
}
