package dev.lakehouse.replayd.source;

import dev.lakehouse.schemas.observation.ChatMessage;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded prompt and what it got, ready to replay.
 *
 * @param seq position in the run's source, from 0
 * @param recordId the observation id, or {@code <dataset>/v<N>/<file>#<line>}
 * @param source {@code <path relative to the lake>#<line>}
 * @param systemPrompt the system prompt recorded with it (chatd prepends the role's own when replaying)
 * @param messages the conversation without the role's system prompt
 * @param params sampling parameters the original call set
 * @param originalOutput what the original call returned, null when it returned nothing
 * @param recordedValid the verdict recorded with the original, if any
 */
public record ReplayCase(
        long seq,
        String recordId,
        String source,
        String role,
        String contract,
        @Nullable String systemPrompt,
        List<ChatMessage> messages,
        @Nullable Params params,
        @Nullable String originalOutput,
        @Nullable String originalProvider,
        @Nullable String originalModel,
        @Nullable Double originalLatencyMs,
        @Nullable Usage originalUsage,
        @Nullable Boolean recordedValid) {

    public ReplayCase {
        messages = List.copyOf(messages);
    }
}
