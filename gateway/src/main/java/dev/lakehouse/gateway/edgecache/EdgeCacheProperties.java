package dev.lakehouse.gateway.edgecache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's cache of whole embedding answers (docs/gateway.md).
 *
 * @param enabled off: every request goes to embedd (whose own cache still serves repeats)
 * @param maxSize bound on the bytes of the answers held; least valuable ones are evicted first
 * @param ttl how long an answer is served from the gateway after embedd gave it, which bounds
 *     how long a model re-pulled into Ollama under the same name keeps its old vectors here
 * @param maxRequestSize larger request bodies (or bodies without a Content-Length) are proxied
 *     as they stream, never held to be looked up
 * @param maxAnswerSize larger answers are passed on and not kept
 */
@ConfigurationProperties("lakehouse.gateway.cache")
public record EdgeCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("1MB") DataSize maxAnswerSize) {
}
