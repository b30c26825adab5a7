package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cross-role gate's two halves: whether the key may use the role, and the bleed found
 * in the final output.
 *
 * @param allowedRoles the roles the caller's key may use, as forwarded by the gateway; null for all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gate(boolean allowed, @Nullable List<String> allowedRoles, @Nullable List<Violation> bleed) {
}
