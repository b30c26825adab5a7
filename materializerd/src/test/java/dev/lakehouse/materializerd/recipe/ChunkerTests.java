package dev.lakehouse.materializerd.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    @Test
    void shortTextIsOneChunk() {
        assertThat(new Chunker(100, 10).chunks("  A short text.  ")).containsExactly("A short text.");
    }

    @Test
    void chunksStayWithinTheSizeCutAtWhiteSpaceAndOverlap() {
        String text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";

        List<String> chunks = new Chunker(30, 10).chunks(text);

        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(30));
        assertThat(chunks).allSatisfy(chunk -> assertThat(text).contains(chunk));
        assertThat(chunks.getFirst()).isEqualTo("one two three four five six");
        assertThat(chunks.get(1)).startsWith("five six");
        assertThat(chunks.getLast()).endsWith("fifteen");
    }

    @Test
    void textWithoutWhiteSpaceIsCutAtTheSize() {
        List<String> chunks = new Chunker(50, 0).chunks("x".repeat(120));

        assertThat(chunks).extracting(String::length).containsExactly(50, 50, 20);
    }

    @Test
    void chunkIdsAreStableAndDependOnSourceIndexAndText() {
        String id = RagRecipe.id("doc", 0, "text");

        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(RagRecipe.id("doc", 0, "text"));
        assertThat(RagRecipe.id("doc", 1, "text")).isNotEqualTo(id);
        assertThat(RagRecipe.id("other", 0, "text")).isNotEqualTo(id);
    }
}
