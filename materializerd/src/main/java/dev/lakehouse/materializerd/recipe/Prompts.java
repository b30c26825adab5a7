package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.materializerd.option.Redactor;
import dev.lakehouse.schemas.dataset.DatasetMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The prompt of an observation as chat messages: the role's system prompt, then what the client sent. */
final class Prompts {

    static final String TOOL_MESSAGES = "tool_messages";
    static final String EMPTY_MESSAGE = "empty_message";

    private Prompts() {
    }

    /**
     * The redacted prompt messages, or null when the observation cannot be expressed in the
     * fine-tuning formats ({@code reason[0]} says why): tool messages need tool-call ids those
     * lines cannot carry, and empty contents are refused by OpenAI.
     */
    static @Nullable List<DatasetMessage> of(JsonNode observation, Redactor redactor, String[] reason) {
        JsonNode request = observation.path("request");
        List<DatasetMessage> messages = new ArrayList<>();
        String system = request.path("systemPrompt").asString("");
        if (!system.isBlank()) {
            messages.add(DatasetMessage.of("system", redactor.redact(system)));
        }
        for (JsonNode message : request.path("messages")) {
            String role = message.path("role").asString("");
            String content = message.path("content").asString("");
            if (role.equals("tool")) {
                reason[0] = TOOL_MESSAGES;
                return null;
            }
            if (content.isEmpty()) {
                reason[0] = EMPTY_MESSAGE;
                return null;
            }
            String name = message.path("name").isString() ? message.path("name").asString() : null;
            messages.add(new DatasetMessage(role, redactor.redact(content), name, null));
        }
        return messages;
    }

    /** The parts a content key is made of: each message's role and content. */
    static List<String> keyParts(List<DatasetMessage> messages) {
        List<String> parts = new ArrayList<>(messages.size() * 2);
        for (DatasetMessage message : messages) {
            parts.add(message.role());
            parts.add(message.content());
        }
        return parts;
    }
}
