package dev.lakehouse.embedd.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lakehouse.embedd.backend.ModelRegistry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/models}: the embedding models served now, in process and by Ollama, in
 * OpenAI's list format (the gateway merges chatd's models into it).
 */
@RestController
class OpenAiModelsController {

    private final ModelRegistry registry;

    OpenAiModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/v1/models")
    ModelList models() {
        return new ModelList("list", registry.models().models().stream()
                .map(model -> new Model(model.id(), "model", model.created(), model.ownedBy()))
                .toList());
    }

    record ModelList(@JsonProperty("object") String object, @JsonProperty("data") List<Model> data) {
    }

    record Model(
            @JsonProperty("id") String id,
            @JsonProperty("object") String object,
            @JsonProperty("created") long created,
            @JsonProperty("owned_by") String ownedBy) {
    }
}
