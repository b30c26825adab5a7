package dev.lakehouse.materializerd.option;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lakehouse.materializerd.MaterializerdException;
import dev.lakehouse.materializerd.recipe.RecipeName;
import dev.lakehouse.materializerd.vectorpush.PushTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a recipe's records are shaped and selected. Null means the default; recipe-specific
 * options are refused for other recipes.
 *
 * @param dedupe drop exact duplicates after normalising case and white space (default true)
 * @param redact replace emails, phone numbers and card numbers with {@code [EMAIL]}, {@code [PHONE]},
 *     {@code [CARD]} before anything is written (default true)
 * @param evalRatio share of records put in the eval split, chosen by content hash; 0 (default) writes no split
 * @param sampleRate share of records kept, chosen by content hash and {@code seed} (default 1)
 * @param seed seed of the sampling
 * @param maxRecords at most this many lines are written (default: no cap below the daemon's limit)
 * @param format preference only: {@code openai} (default) or {@code trl}
 * @param chunkSize rag only: characters per chunk (default 1000)
 * @param chunkOverlap rag only: characters shared by neighbouring chunks (default 100)
 * @param push rag only: push the dataset into a vectord collection once written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dedupe", "redact", "evalRatio", "sampleRate", "seed", "maxRecords", "format", "chunkSize",
        "chunkOverlap", "push"})
public record Options(
        @Nullable Boolean dedupe,
        @Nullable Boolean redact,
        @Nullable Double evalRatio,
        @Nullable Double sampleRate,
        @Nullable Long seed,
        @Nullable Long maxRecords,
        @Nullable String format,
        @Nullable Integer chunkSize,
        @Nullable Integer chunkOverlap,
        @Nullable PushTarget push) {

    public static final int MIN_CHUNK = 50;
    public static final int MAX_CHUNK = 20_000;

    public static Options defaults() {
        return new Options(null, null, null, null, null, null, null, null, null, null);
    }

    /** Checks the options against the recipe and the daemon's limits and fills in the defaults. */
    public Options normalized(RecipeName recipe, long recordLimit) {
        double eval = evalRatio == null ? 0 : evalRatio;
        double sample = sampleRate == null ? 1 : sampleRate;
        require(eval >= 0 && eval < 1, "options.evalRatio must be in [0, 1)");
        require(sample > 0 && sample <= 1, "options.sampleRate must be in (0, 1]");
        require(maxRecords == null || (maxRecords >= 1 && maxRecords <= recordLimit),
                "options.maxRecords must be 1.." + recordLimit);
        onlyFor(recipe, RecipeName.PREFERENCE, "format", format);
        onlyFor(recipe, RecipeName.RAG, "chunkSize", chunkSize);
        onlyFor(recipe, RecipeName.RAG, "chunkOverlap", chunkOverlap);
        onlyFor(recipe, RecipeName.RAG, "push", push);
        String fmt = recipe == RecipeName.PREFERENCE ? (format == null ? "openai" : format) : null;
        require(fmt == null || fmt.equals("openai") || fmt.equals("trl"), "options.format must be openai or trl");
        Integer size = recipe == RecipeName.RAG ? (chunkSize == null ? 1000 : chunkSize) : null;
        Integer overlap = recipe == RecipeName.RAG ? (chunkOverlap == null ? 100 : chunkOverlap) : null;
        if (size != null && overlap != null) {
            require(size >= MIN_CHUNK && size <= MAX_CHUNK, "options.chunkSize must be " + MIN_CHUNK + ".." + MAX_CHUNK);
            require(overlap >= 0 && overlap <= size / 2, "options.chunkOverlap must be 0..chunkSize/2");
        }
        return new Options(dedupe == null || dedupe, redact == null || redact, eval, sample, seed == null ? 0 : seed,
                maxRecords, fmt, size, overlap, push == null ? null : push.normalized());
    }

    /** The options that shape the data files, in a fixed order: part of the fingerprint and the manifest. */
    public Map<String, Object> shaping() {
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("dedupe", dedupe);
        applied.put("redact", redact);
        applied.put("evalRatio", evalRatio);
        applied.put("sampleRate", sampleRate);
        applied.put("seed", seed);
        applied.put("maxRecords", maxRecords);
        if (format != null) {
            applied.put("format", format);
        }
        if (chunkSize != null) {
            applied.put("chunkSize", chunkSize);
            applied.put("chunkOverlap", chunkOverlap);
        }
        return applied;
    }

    public boolean dedupeOn() {
        return dedupe == null || dedupe;
    }

    public boolean redactOn() {
        return redact == null || redact;
    }

    private static void onlyFor(RecipeName recipe, RecipeName owner, String option, @Nullable Object value) {
        require(value == null || recipe == owner, "options." + option + " applies only to the " + owner.id() + " recipe");
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw MaterializerdException.invalid(detail);
        }
    }
}
