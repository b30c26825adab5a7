package dev.lakehouse.validated.api;

import dev.lakehouse.schemas.verdict.ValidationVerdict;
import java.util.List;

/**
 * The answer of {@code POST /v1/validate/batch}: one verdict per item, in item order.
 *
 * @param valid whether every verdict is valid
 */
public record BatchVerdicts(boolean valid, int count, List<ValidationVerdict> verdicts) {
}
