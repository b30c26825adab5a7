package dev.lakehouse.embedd.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 model from the langchain4j jar, on ONNX Runtime. */
class MiniLmEncoderTests {

    private static final MiniLmEncoder encoder = MiniLmEncoder.load();
    private static final OnnxEmbeddingBackend backend = new OnnxEmbeddingBackend(encoder, new OnnxProperties(0, 1024));

    @AfterAll
    static void closeModel() {
        encoder.close();
    }

    @Test
    void paraphrasesAreFarCloserThanUnrelatedSentences() {
        List<EmbeddingVector> vectors = backend.embed("all-minilm", List.of(
                "How do I reset my password?",
                "What are the steps to change my account password?",
                "The giraffe is the tallest animal in the savanna."), EmbedOptions.DEFAULT);

        double paraphrases = cosine(vectors.get(0).values(), vectors.get(1).values());
        double unrelated = cosine(vectors.get(0).values(), vectors.get(2).values());

        assertThat(paraphrases).isGreaterThan(0.6);
        assertThat(unrelated).isLessThan(0.2);
        assertThat(paraphrases - unrelated).isGreaterThan(0.4);
    }

    @Test
    void sameTextGivesTheIdenticalVector() {
        float[] first = backend.embed("all-minilm", List.of("Lakehouse caches embeddings."), EmbedOptions.DEFAULT)
                .getFirst().values();
        float[] second = backend.embed("all-minilm", List.of("Lakehouse caches embeddings."), EmbedOptions.DEFAULT)
                .getFirst().values();

        assertThat(second).containsExactly(first);
    }

    @Test
    void aBatchEqualsTheSingleCalls() {
        List<String> texts = List.of("short", "a somewhat longer sentence about vectors and search",
                "the third text, of middling length");

        List<EmbeddingVector> batch = backend.embed("all-minilm", texts, EmbedOptions.DEFAULT);

        for (int i = 0; i < texts.size(); i++) {
            float[] single = backend.embed("all-minilm", List.of(texts.get(i)), EmbedOptions.DEFAULT).getFirst().values();
            // Padding changes the shapes the kernels see, hence float rounding, never the meaning.
            assertThat(batch.get(i).values()).containsExactly(single, within(1e-5f));
            assertThat(batch.get(i).tokens()).isEqualTo(encoder.tokenize(texts.get(i), true).length);
        }
    }

    @Test
    void vectorsHave384DimensionsAndUnitLength() {
        float[] vector = backend.embed("all-minilm", List.of("unit length"), EmbedOptions.DEFAULT).getFirst().values();

        assertThat(vector).hasSize(384);
        assertThat(Math.sqrt(dot(vector, vector))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void tokenCountIsTheTokenizersWithClsAndSep() {
        EmbeddingVector vector = backend.embed("all-minilm", List.of("hello world"), EmbedOptions.DEFAULT).getFirst();

        assertThat(vector.tokens()).isEqualTo(4);
    }

    @Test
    void longTextIsCutAt512TokensWhenTruncating() {
        String longText = "word ".repeat(700);

        assertThat(encoder.tokenize(longText, true)).hasSize(512);
        assertThat(backend.embed("all-minilm", List.of(longText), EmbedOptions.DEFAULT).getFirst().tokens()).isEqualTo(512);
    }

    @Test
    void longTextIsRefusedWhenNotTruncating() {
        String longText = "word ".repeat(700);

        assertThatThrownBy(() -> backend.embed("all-minilm", List.of(longText), new EmbedOptions(null, false)))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> {
                    assertThat(e.isClientError()).isTrue();
                    assertThat(e.getMessage()).contains("exceeds the context length").contains("702 tokens");
                });
    }

    @Test
    void manyLongTextsAreSplitIntoRunsAndKeepTheirOrder() {
        List<String> texts = List.of("word ".repeat(600), "tiny", "other ".repeat(600), "small text");

        List<EmbeddingVector> batch = backend.embed("all-minilm", texts, EmbedOptions.DEFAULT);

        for (int i = 0; i < texts.size(); i++) {
            float[] single = backend.embed("all-minilm", List.of(texts.get(i)), EmbedOptions.DEFAULT).getFirst().values();
            assertThat(batch.get(i).values()).containsExactly(single, within(1e-5f));
        }
    }

    @Test
    void onlyItsOwnNamesAreServed() {
        assertThat(backend.canonicalName("all-minilm")).hasValue("all-minilm");
        assertThat(backend.canonicalName("all-minilm:l6-v2")).hasValue("all-minilm");
        assertThat(backend.canonicalName("nomic-embed-text")).isEmpty();
    }

    @Test
    void dimensionsOtherThan384AreRefused() {
        assertThat(backend.normalize("all-minilm", new EmbedOptions(384, true))).isEqualTo(EmbedOptions.DEFAULT);
        assertThatThrownBy(() -> backend.normalize("all-minilm", new EmbedOptions(256, true)))
                .isInstanceOfSatisfying(EmbeddingException.class, e -> {
                    assertThat(e.param()).isEqualTo("dimensions");
                    assertThat(e.getMessage()).contains("384 dimensions only");
                });
    }

    private static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
