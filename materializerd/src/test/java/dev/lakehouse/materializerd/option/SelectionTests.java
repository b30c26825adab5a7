package dev.lakehouse.materializerd.option;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.recipe.RecipeName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SelectionTests {

    @Test
    void exactDuplicatesAfterNormalisingCaseAndWhiteSpaceAreDroppedAndCounted() {
        Drops drops = new Drops();
        Selection selection = new Selection(options("{}"), drops);

        Split first = selection.select(ContentKey.of("user", "Hello  World"));
        Split again = selection.select(ContentKey.of("USER", " hello world "));
        Split other = selection.select(ContentKey.of("user", "Hello World!"));

        assertThat(first).isEqualTo(Split.ALL);
        assertThat(again).isNull();
        assertThat(other).isEqualTo(Split.ALL);
        assertThat(drops.snapshot()).containsEntry(Drops.DUPLICATE, 1L);
    }

    @Test
    void keyPartsAreSeparatedSoMovingTextBetweenThemChangesTheKey() {
        assertThat(ContentKey.of("ab", "c")).isNotEqualTo(ContentKey.of("a", "bc"));
    }

    @Test
    void splitPutsAboutTheRatioInEvalAndDependsOnlyOnContent() {
        List<Split> first = splits(options("{\"evalRatio\":0.2,\"seed\":1}"));
        List<Split> second = splits(options("{\"evalRatio\":0.2,\"seed\":99}"));

        long eval = first.stream().filter(split -> split == Split.EVAL).count();
        assertThat(eval).isBetween(1700L, 2300L);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void samplingKeepsAboutTheRateAndTheSeedDecidesWhich() {
        List<Split> seedOne = splits(options("{\"sampleRate\":0.5,\"seed\":1}"));
        List<Split> seedOneAgain = splits(options("{\"sampleRate\":0.5,\"seed\":1}"));
        List<Split> seedTwo = splits(options("{\"sampleRate\":0.5,\"seed\":2}"));

        long kept = seedOne.stream().filter(split -> split != null).count();
        assertThat(kept).isBetween(4700L, 5300L);
        assertThat(seedOneAgain).isEqualTo(seedOne);
        assertThat(seedTwo).isNotEqualTo(seedOne);
    }

    @Test
    void theCapIsReachedAfterMaxRecordsKeptLines() {
        Selection selection = new Selection(options("{\"maxRecords\":2}"), new Drops());

        selection.select(1);
        boolean fullAfterOne = selection.full();
        selection.select(2);

        assertThat(fullAfterOne).isFalse();
        assertThat(selection.full()).isTrue();
        assertThat(selection.kept()).isEqualTo(2);
    }

    @Test
    void theSetHoldsAMillionKeysWithoutLosingAny() {
        LongHashSet set = new LongHashSet();

        LongStream.range(0, 1_000_000).forEach(i -> set.add(i * 0x9E3779B97F4A7C15L));

        assertThat(set.size()).isEqualTo(1_000_000);
        assertThat(set.add(0)).isFalse();
        assertThat(set.contains(999_999 * 0x9E3779B97F4A7C15L)).isTrue();
        assertThat(set.contains(12345)).isFalse();
    }

    private static List<Split> splits(Options options) {
        Selection selection = new Selection(options, new Drops());
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            splits.add(selection.select(ContentKey.of("record " + i)));
        }
        return splits;
    }

    private static Options options(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Options.class)
                .normalized(RecipeName.SFT, 1_000_000);
    }
}
