package dev.lakehouse.vectord.index;

import java.lang.reflect.Field;
import org.apache.lucene.util.VectorUtil;

/**
 * Whether Lucene computes vector distances with SIMD (the Panama vector API, enabled by
 * {@code --add-modules jdk.incubator.vector}) or with scalar loops, several times slower.
 */
public record Vectorization(boolean simd, String implementation, int bits) {

    public static Vectorization detect() {
        VectorUtil.dotProduct(new float[] {1f}, new float[] {1f});
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        try {
            // Lucene keeps its choice internal; reading it is the only way to be sure rather than to guess.
            Field impl = VectorUtil.class.getDeclaredField("IMPL");
            impl.setAccessible(true);
            String name = impl.get(null).getClass().getSimpleName();
            boolean panama = name.startsWith("Panama");
            return new Vectorization(panama, name, panama ? preferredBits() : 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Vectorization(module, module ? "jdk.incubator.vector present" : "scalar", 0);
        }
    }

    private static int preferredBits() throws ReflectiveOperationException {
        Field bits = Class.forName("org.apache.lucene.internal.vectorization.PanamaVectorConstants")
                .getDeclaredField("PREFERRED_VECTOR_BITSIZE");
        bits.setAccessible(true);
        return bits.getInt(null);
    }

    public String describe() {
        return simd ? "SIMD active (" + implementation + (bits > 0 ? ", " + bits + "-bit vectors" : "") + ")"
                : "SIMD NOT active (" + implementation + "); start the JVM with --add-modules jdk.incubator.vector";
    }
}
