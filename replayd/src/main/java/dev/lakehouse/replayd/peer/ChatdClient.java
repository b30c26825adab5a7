package dev.lakehouse.replayd.peer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/** chatd's OpenAI-compatible chat endpoint; the answer's headers say which provider served it. */
@HttpExchange
public interface ChatdClient {

    String ROLE_HEADER = "X-Lakehouse-Role";
    String PROVIDER_HEADER = "X-Lakehouse-Provider";

    /**
     * @param keyId recorded as the observation's {@code keyId}: {@code replay:<run-id>}, so the
     *     calls a replay makes can be told apart from client traffic in the lake
     */
    @PostExchange(url = "/v1/chat/completions", contentType = "application/json", accept = "application/json")
    ResponseEntity<JsonNode> complete(@RequestHeader(ROLE_HEADER) String role,
            @RequestHeader(dev.lakehouse.chassis.LakehouseHeaders.KEY_ID) String keyId,
            @RequestBody ChatCompletionRequest request);
}
