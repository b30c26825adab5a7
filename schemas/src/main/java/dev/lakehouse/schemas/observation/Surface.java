package dev.lakehouse.schemas.observation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The API shape the client spoke. */
public enum Surface {
    @JsonProperty("openai") OPENAI,
    @JsonProperty("ollama") OLLAMA,
    @JsonProperty("anthropic") ANTHROPIC,
    @JsonProperty("replay") REPLAY
}
