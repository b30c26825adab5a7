package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.model.ModelRef;

/**
 * One link of the chain a call walks.
 *
 * @param explicit the client named this model; a provider's 404 for it is the client's answer, while a
 *     404 for a chain model is a configuration fault that fails over
 */
public record Candidate(ModelRef ref, boolean explicit) {
}
