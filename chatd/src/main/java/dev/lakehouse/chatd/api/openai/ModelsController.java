package dev.lakehouse.chatd.api.openai;

import dev.lakehouse.chatd.model.ModelCatalog;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/models} in OpenAI's list format: the chat models on offer as {@code provider/model},
 * and, in a {@code lakehouse.unavailable} object, why each disabled provider offers none (so the
 * gateway never shows an empty list without a reason).
 */
@RestController
public class ModelsController {

    private final ModelCatalog catalog;
    private final JsonMapper json;
    private final long created = Instant.now().getEpochSecond();

    public ModelsController(ModelCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping("/v1/models")
    public JsonNode models() {
        ObjectNode list = json.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        catalog.offered().forEach((provider, models) -> models.forEach(model -> data.addObject()
                .put("id", provider + "/" + model)
                .put("object", "model")
                .put("created", created)
                .put("owned_by", provider)));
        ObjectNode unavailable = list.putObject("lakehouse").putObject("unavailable");
        catalog.unavailable().forEach(unavailable::put);
        return list;
    }
}
