package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.materializerd.option.ContentKey;
import dev.lakehouse.materializerd.option.Redactor;
import dev.lakehouse.schemas.dataset.RagChunk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retrieval corpus {@code {id, text, metadata}}: the documents posted with the job when there
 * are any, otherwise the final outputs of observations that passed (outcome {@code ok}).
 * Chunk ids hash the source, the chunk's index and its text, so they are stable across runs.
 */
@Component
public class RagRecipe implements Recipe {

    private final ObjectWriter writer;

    public RagRecipe(JsonMapper json) {
        this.writer = json.writerFor(RagChunk.class);
    }

    @Override
    public RecipeName name() {
        return RecipeName.RAG;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String lineSchema() {
        return RagChunk.SCHEMA;
    }

    @Override
    public void produce(RecipeRun run, Consumer<Candidate> out) {
        Chunker chunker = new Chunker(run.options().chunkSize(), run.options().chunkOverlap());
        if (run.documents().isEmpty()) {
            run.observations(observation -> fromObservation(observation, run, chunker), chunks -> chunks.forEach(out));
            return;
        }
        try {
            for (Document document : run.documents()) {
                run.documentRead();
                Map<String, Object> extra = new TreeMap<>(document.metadata() == null ? Map.of() : document.metadata());
                chunks(document.id(), document.text(), extra, run.redactor(), chunker).forEach(out);
            }
        } catch (StopReading stop) {
            run.stop();
        }
    }

    private Extract<List<Candidate>> fromObservation(JsonNode observation, RecipeRun run, Chunker chunker) {
        String filtered = run.filter().reject(observation);
        if (filtered != null) {
            return Extract.drop(filtered);
        }
        if (!"ok".equals(observation.path("outcome").asString(""))) {
            return Extract.drop(SftRecipe.OUTCOME);
        }
        String output = observation.path("output").path("content").asString("");
        if (output.isBlank()) {
            return Extract.drop(SftRecipe.NO_OUTPUT);
        }
        Map<String, Object> extra = new TreeMap<>();
        extra.put("role", observation.path("role").asString());
        extra.put("date", observation.path("ts").asString().substring(0, 10));
        return Extract.of(chunks(observation.path("id").asString(), output, extra, run.redactor(), chunker));
    }

    private List<Candidate> chunks(String source, String text, Map<String, Object> extra, Redactor redactor,
            Chunker chunker) {
        List<String> pieces = chunker.chunks(redactor.redact(text));
        List<Candidate> candidates = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("source", source);
            metadata.put("chunk", i);
            extra.forEach((key, value) -> {
                if (!key.equals("source") && !key.equals("chunk")) {
                    metadata.put(key, value instanceof String string ? redactor.redact(string) : value);
                }
            });
            String piece = pieces.get(i);
            RagChunk chunk = new RagChunk(id(source, i, piece), piece, metadata);
            candidates.add(new Candidate(writer.writeValueAsBytes(chunk), ContentKey.of(piece)));
        }
        return candidates;
    }

    static String id(String source, int index, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((source + "\n" + index + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
