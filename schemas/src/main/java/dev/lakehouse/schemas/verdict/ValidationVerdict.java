package dev.lakehouse.schemas.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mirrors {@code lakehouse.validation-verdict/v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationVerdict(
        @Nullable String schema,
        boolean valid,
        String contract,
        String validatorVersion,
        long durationMicros,
        List<Violation> violations) {

    public static final String SCHEMA = "lakehouse.validation-verdict/v1";

    public ValidationVerdict {
        violations = List.copyOf(violations);
    }
}
