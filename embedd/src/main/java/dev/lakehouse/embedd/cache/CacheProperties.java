package dev.lakehouse.embedd.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The embedding cache.
 *
 * @param maxSize heap the cached embeddings may take (each counted by its encoded bytes plus
 *        overhead); the least valuable entries are evicted beyond it (W-TinyLFU). A 384-float
 *        embedding takes about 7 KB, so 256 MB hold about 38,000 of them
 */
@ConfigurationProperties("lakehouse.embedd.cache")
public record CacheProperties(@DefaultValue("256MB") DataSize maxSize) {

    public CacheProperties {
        if (maxSize.isNegative()) {
            throw new IllegalArgumentException("lakehouse.embedd.cache.max-size must not be negative");
        }
    }
}
