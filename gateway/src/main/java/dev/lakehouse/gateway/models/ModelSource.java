package dev.lakehouse.gateway.models;

import dev.lakehouse.gateway.routing.DaemonCalls;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What one daemon's {@code GET /v1/models} gave: its models, or why there are none. */
record ModelSource(String daemon, List<JsonNode> models, String problem) {

    static ModelSource from(String daemon, DaemonCalls.Answer answer, JsonMapper json) {
        if (answer.failure() != null) {
            return new ModelSource(daemon, List.of(), "unavailable (" + answer.failure() + ")");
        }
        JsonNode body;
        try {
            body = answer.body().isBlank() ? json.missingNode() : json.readTree(answer.body());
        } catch (JacksonException e) {
            return new ModelSource(daemon, List.of(), "answered " + answer.status() + " with a body that is not JSON");
        }
        if (!answer.isOk()) {
            String message = body.path("error").path("message").asString(body.path("detail").asString(""));
            return new ModelSource(daemon, List.of(), "answered " + answer.status() + (message.isEmpty() ? "" : ": " + message));
        }
        List<JsonNode> models = new ArrayList<>();
        body.path("data").valueStream()
                .filter(model -> model.isObject() && model.path("id").isString())
                .forEach(model -> models.add(((ObjectNode) model).put("object", "model")));
        return new ModelSource(daemon, models, models.isEmpty() ? "lists no model" : "");
    }
}
