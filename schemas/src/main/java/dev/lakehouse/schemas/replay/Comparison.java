package dev.lakehouse.schemas.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * How the target's output compares with the recorded one; each part is null when it was not compared.
 *
 * @param transition original pass/fail to target pass/fail
 * @param exactMatch the outputs are equal after normalisation
 * @param similarity cosine similarity of the outputs' embeddings, in [-1, 1]
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(@Nullable Transition transition, @Nullable Boolean exactMatch, @Nullable Double similarity) {
}
