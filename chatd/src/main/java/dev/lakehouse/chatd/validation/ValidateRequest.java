package dev.lakehouse.chatd.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/validate}.
 *
 * @param kind fill, email or text
 * @param contract the contract id: email, or fill:lakehouse.contract.&lt;name&gt;/v&lt;N&gt;
 * @param payload the raw model output; validated parses it (a fenced JSON block included)
 * @param context what validated may check against: the role and its system prompt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidateRequest(String kind, String contract, String payload, @Nullable Map<String, Object> context) {
}
