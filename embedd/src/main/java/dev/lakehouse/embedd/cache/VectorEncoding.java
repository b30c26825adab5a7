package dev.lakehouse.embedd.cache;

import dev.lakehouse.embedd.backend.EmbeddingException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An embedding in the two forms the APIs send: a JSON array of numbers, and base64 of little-endian float32. */
public final class VectorEncoding {

    private VectorEncoding() {
    }

    /** {@code [0.1,-0.2,...]}: each float in its shortest form that reads back to the same float32. */
    public static byte[] json(float[] vector) {
        StringBuilder json = new StringBuilder(vector.length * 13 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            float value = vector[i];
            // RFC 8259 section 6: NaN and Infinity are not JSON numbers.
            if (!Float.isFinite(value)) {
                throw EmbeddingException.backendError("the backend returned a non-finite value at dimension " + i);
            }
            if (i > 0) {
                json.append(',');
            }
            json.append(value);
        }
        return json.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What OpenAI's {@code encoding_format: "base64"} carries: float32 values, little-endian, base64 (RFC 4648). */
    public static byte[] base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encode(bytes.array());
    }

    /** The inverse of {@link #base64(float[])}, for clients and tests. */
    public static float[] fromBase64(String encoded) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }
}
