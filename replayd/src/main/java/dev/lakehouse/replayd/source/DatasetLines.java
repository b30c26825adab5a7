package dev.lakehouse.replayd.source;

import dev.lakehouse.schemas.observation.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a prompt and its recorded answer out of a dataset line: OpenAI fine-tuning lines
 * ({@code messages}, the last assistant message is the answer), OpenAI preference lines
 * ({@code input.messages} and {@code preferred_output}) and TRL preference lines ({@code prompt}
 * and {@code chosen}). A leading system message is the role's system prompt, which chatd
 * prepends itself, so it is not sent again.
 */
final class DatasetLines {

    ReplayCase toCase(long seq, String recordId, String source, DatasetSpec spec, JsonNode line) {
        List<JsonNode> prompt;
        String answer;
        if (line.has("messages")) {
            List<JsonNode> messages = line.path("messages").valueStream().toList();
            int last = lastAssistant(messages);
            if (last < 0) {
                throw new SourceException("dataset line " + recordId + " has no assistant message to compare with");
            }
            prompt = messages.subList(0, last);
            answer = messages.get(last).path("content").asString("");
        } else if (line.has("input")) {
            prompt = line.path("input").path("messages").valueStream().toList();
            answer = line.path("preferred_output").path(0).path("content").asString("");
        } else if (line.has("prompt")) {
            prompt = line.path("prompt").valueStream().toList();
            answer = line.path("chosen").path(0).path("content").asString("");
        } else {
            throw new SourceException("dataset line " + recordId + " is neither a fine-tuning nor a preference line");
        }
        String systemPrompt = null;
        if (!prompt.isEmpty() && "system".equals(prompt.getFirst().path("role").asString(""))) {
            systemPrompt = prompt.getFirst().path("content").asString("");
            prompt = prompt.subList(1, prompt.size());
        }
        if (prompt.isEmpty()) {
            throw new SourceException("dataset line " + recordId + " has no message to send besides the system prompt");
        }
        return new ReplayCase(seq, recordId, source, spec.role(), spec.contract(), systemPrompt, messages(prompt), null,
                answer, null, null, null, null, null);
    }

    private static int lastAssistant(List<JsonNode> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("assistant".equals(messages.get(i).path("role").asString(""))) {
                return i;
            }
        }
        return -1;
    }

    private static List<ChatMessage> messages(List<JsonNode> nodes) {
        List<ChatMessage> messages = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            messages.add(new ChatMessage(node.path("role").asString("user"), node.path("content").asString(""),
                    text(node.path("name")), null));
        }
        return messages;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
