package dev.lakehouse.schemas.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A chat message as OpenAI's fine-tuning formats and TRL's conversational format write it.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param name optional participant name
 * @param weight OpenAI: 0 excludes an assistant message from training, 1 includes it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetMessage(String role, String content, @Nullable String name, @Nullable Integer weight) {

    public static DatasetMessage of(String role, String content) {
        return new DatasetMessage(role, content, null, null);
    }
}
