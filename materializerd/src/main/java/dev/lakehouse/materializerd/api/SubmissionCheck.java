package dev.lakehouse.materializerd.api;

import dev.lakehouse.materializerd.MaterializerdException;
import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.materializerd.recipe.Document;
import dev.lakehouse.materializerd.recipe.RecipeName;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refuses a materialization request with a 400 that says what is wrong, before any job exists. */
final class SubmissionCheck {

    static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    static final int MAX_METADATA_FIELDS = 32;

    // Unknown fields are refused, not ignored: a misspelt option must not silently fall back to its default.
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SubmissionCheck() {
    }

    static MaterializationRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw MaterializerdException.invalid("the request body must be a JSON object");
        }
        try {
            return STRICT.treeToValue(body, MaterializationRequest.class);
        } catch (JacksonException e) {
            throw MaterializerdException.invalid("the request does not fit the materialization format: "
                    + e.getOriginalMessage());
        }
    }

    static RecipeName recipe(MaterializationRequest request) {
        if (request.recipe() == null) {
            throw MaterializerdException.invalid("recipe is required: sft, preference or rag");
        }
        return RecipeName.parse(request.recipe()).orElseThrow(() ->
                MaterializerdException.invalid("unknown recipe '" + request.recipe() + "'; known: sft, preference, rag"));
    }

    static String name(MaterializationRequest request, RecipeName recipe, DatasetStore datasets) {
        String name = request.name();
        if (name == null || !DatasetStore.NAME.matcher(name).matches()) {
            throw MaterializerdException.invalid("name is required and must match " + DatasetStore.NAME.pattern()
                    + " (1-64 lower-case letters, digits, '_' and '-')");
        }
        datasets.recipeOf(name).filter(owner -> owner != recipe).ifPresent(owner -> {
            throw MaterializerdException.conflict("dataset '" + name + "' already exists with recipe " + owner.id()
                    + "; a dataset name belongs to one recipe");
        });
        return name;
    }

    static List<Document> documents(MaterializationRequest request, RecipeName recipe, MaterializerdProperties limits) {
        List<Document> documents = request.documents() == null ? List.of() : request.documents();
        if (documents.isEmpty()) {
            return List.of();
        }
        if (recipe != RecipeName.RAG) {
            throw MaterializerdException.invalid("documents can be posted only with the rag recipe");
        }
        if (documents.size() > limits.maxDocuments()) {
            throw MaterializerdException.invalid("at most " + limits.maxDocuments() + " documents per job");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            check(documents.get(i), "documents[" + i + "]", limits.maxDocumentSize().toBytes());
            if (!ids.add(documents.get(i).id())) {
                throw MaterializerdException.invalid("documents[" + i + "].id '" + documents.get(i).id() + "' is repeated");
            }
        }
        return List.copyOf(documents);
    }

    private static void check(Document document, String where, long maxBytes) {
        if (document == null || document.id() == null || !DOCUMENT_ID.matcher(document.id()).matches()) {
            throw MaterializerdException.invalid(where + ".id is required and must match " + DOCUMENT_ID.pattern());
        }
        if (document.text() == null || document.text().isBlank()) {
            throw MaterializerdException.invalid(where + ".text is required and must not be blank");
        }
        if (document.text().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw MaterializerdException.invalid(where + ".text is larger than " + maxBytes + " bytes");
        }
        Map<String, Object> metadata = document.metadata() == null ? Map.of() : document.metadata();
        if (metadata.size() > MAX_METADATA_FIELDS) {
            throw MaterializerdException.invalid(where + ".metadata has more than " + MAX_METADATA_FIELDS + " fields");
        }
        metadata.forEach((key, value) -> {
            if (!METADATA_KEY.matcher(key).matches() || key.equals("source") || key.equals("chunk")) {
                throw MaterializerdException.invalid(where + ".metadata key '" + key + "' must match "
                        + METADATA_KEY.pattern() + " and not be 'source' or 'chunk' (set by the recipe)");
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw MaterializerdException.invalid(where + ".metadata." + key
                        + " must be a string, number or boolean (vectord payload fields are flat)");
            }
        });
    }
}
