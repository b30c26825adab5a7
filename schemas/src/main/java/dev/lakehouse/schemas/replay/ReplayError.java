package dev.lakehouse.schemas.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Why a side has no output or no verdict, without secrets.
 *
 * @param status the HTTP status the peer answered, when it answered
 * @param code a stable code: chatd's error code, or one of replayd's ({@code unavailable}, {@code rate_limited})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayError(@Nullable Integer status, String code, String message) {
}
