package dev.lakehouse.replayd.peer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/validate}: the contract alone implies its kind.
 *
 * @param contract {@code text}, {@code email} or {@code fill:<schema id>}
 * @param payload the raw output; validated parses it
 * @param context what validated may check against (the system prompt, so an echoed prompt is caught)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidateRequest(String contract, String payload, @Nullable Context context) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(@Nullable String systemPrompt) {
    }
}
