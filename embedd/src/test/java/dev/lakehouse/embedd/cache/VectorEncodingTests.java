package dev.lakehouse.embedd.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.embedd.backend.EmbeddingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VectorEncodingTests {

    private static final float[] VECTOR = {0.5f, -0.25f, 1.0E-7f, 0.1f, -0.0f};

    @Test
    void jsonIsAnArrayOfShortestRoundTrippingNumbers() {
        String json = new String(VectorEncoding.json(VECTOR), StandardCharsets.US_ASCII);

        assertThat(json).isEqualTo("[0.5,-0.25,1.0E-7,0.1,-0.0]");
        float[] read = JsonMapper.builder().build().readValue(json, float[].class);
        assertThat(read).containsExactly(VECTOR);
    }

    @Test
    void base64IsLittleEndianFloat32() {
        String base64 = new String(VectorEncoding.base64(new float[] {1.0f}), StandardCharsets.US_ASCII);

        // 1.0f is 0x3F800000; little-endian bytes 00 00 80 3F.
        assertThat(base64).isEqualTo("AACAPw==");
        assertThat(VectorEncoding.fromBase64(new String(VectorEncoding.base64(VECTOR), StandardCharsets.US_ASCII)))
                .containsExactly(VECTOR);
    }

    @Test
    void nonFiniteValuesAreABackendErrorNotInvalidJson() {
        assertThatThrownBy(() -> VectorEncoding.json(new float[] {0.1f, Float.NaN}))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> assertThat(e.code()).isEqualTo("backend_error"));
    }
}
