package dev.lakehouse.chatd.provider;

import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.schemas.observation.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Estimates token usage where a provider reports none: about four characters per token, the rule
 * of thumb OpenAI documents for English text. Always marked {@code estimated}.
 */
public final class UsageEstimator {

    private static final int CHARS_PER_TOKEN = 4;

    private UsageEstimator() {
    }

    public static Usage estimate(List<Message> prompt, String completion) {
        return Usage.of(tokens(prompt), tokens(completion), true);
    }

    public static int tokens(List<Message> messages) {
        int chars = 0;
        for (Message message : messages) {
            chars += message.content().length();
        }
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    public static int tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The provider's numbers when it gave both, an estimate for whatever it left out. */
    public static Usage reportedOrEstimated(@Nullable Integer promptTokens, @Nullable Integer completionTokens, List<Message> prompt,
            String completion) {
        boolean estimated = promptTokens == null || completionTokens == null;
        int promptCount = promptTokens != null ? promptTokens : tokens(prompt);
        int completionCount = completionTokens != null ? completionTokens : tokens(completion);
        return Usage.of(promptCount, completionCount, estimated);
    }
}
