package dev.lakehouse.chatd.validation;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** validated's API (DESIGN 6), a peer: the chassis adds its base URL, the internal token and the request id. */
@HttpExchange
public interface ValidatedClient {

    @PostExchange(url = "/v1/validate", contentType = "application/json", accept = "application/json")
    ValidationVerdict validate(@RequestBody ValidateRequest request);
}
