package dev.lakehouse.embedd.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.backend.EmbedOptions;
import org.junit.jupiter.api.Test;

class CacheKeyTests {

    @Test
    void sameModelOptionsAndTextGiveTheSameKey() {
        assertThat(CacheKey.of("all-minilm", EmbedOptions.DEFAULT, "text"))
                .isEqualTo(CacheKey.of("all-minilm", EmbedOptions.DEFAULT, "text"));
    }

    @Test
    void modelDimensionsTruncateAndTextEachChangeTheKey() {
        CacheKey key = CacheKey.of("m", new EmbedOptions(null, true), "text");

        assertThat(CacheKey.of("n", new EmbedOptions(null, true), "text")).isNotEqualTo(key);
        assertThat(CacheKey.of("m", new EmbedOptions(64, true), "text")).isNotEqualTo(key);
        assertThat(CacheKey.of("m", new EmbedOptions(null, false), "text")).isNotEqualTo(key);
        assertThat(CacheKey.of("m", new EmbedOptions(null, true), "text ")).isNotEqualTo(key);
    }

    @Test
    void modelAndTextCannotBeShiftedIntoEachOther() {
        assertThat(CacheKey.of("ab", EmbedOptions.DEFAULT, "c")).isNotEqualTo(CacheKey.of("a", EmbedOptions.DEFAULT, "bc"));
    }
}
