package dev.lakehouse.chatd.role;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to an output that breaks the role's contract or bleeds from another role (DESIGN 6). */
public enum InvalidPolicy {
    /** Refuse it: the client gets a 422 naming the violations. */
    @JsonProperty("reject") REJECT,
    /** Ask the same model again with the violations fed back, within the attempt limit. */
    @JsonProperty("reask") REASK,
    /** Try the next provider of the chain, within the attempt limit. */
    @JsonProperty("fallback") FALLBACK,
    /** Return it anyway, marked: outcome {@code flagged} and an {@code X-Lakehouse-Violations} header. */
    @JsonProperty("flag") FLAG
}
