package dev.lakehouse.replayd.peer;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** validated's {@code POST /v1/validate} (DESIGN 6). */
@HttpExchange
public interface ValidatedClient {

    @PostExchange(url = "/v1/validate", contentType = "application/json", accept = "application/json")
    ValidationVerdict validate(@RequestBody ValidateRequest request);
}
