package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.api.SearchRequests.Search;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.embedding.TextEmbedder;
import dev.lakehouse.vectord.filter.FilterParser;
import dev.lakehouse.vectord.index.SearchQuery;
import dev.lakehouse.vectord.index.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks searches against the collection and the limits, and embeds their texts in one embedd call. */
@Component
class SearchPreparer {

    static final int DEFAULT_K = 10;

    private final VectordProperties.Limits limits;
    private final TextEmbedder embedder;

    SearchPreparer(VectordProperties properties, TextEmbedder embedder) {
        this.limits = properties.limits();
        this.embedder = embedder;
    }

    List<SearchQuery> prepare(VectorCollection collection, List<Search> searches, String pointer) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            Search search = searches.get(i);
            if ((search.vector() == null) == (search.text() == null)) {
                throw VectordException.invalid("invalid_search", pointer(pointer, i, searches.size())
                        + ": give exactly one of vector and text");
            }
            if (search.text() != null) {
                if (search.text().isBlank()) {
                    throw VectordException.invalid("invalid_search", pointer(pointer, i, searches.size()) + "/text: text must not be blank");
                }
                texts.add(search.text());
            }
        }
        List<float[]> embedded = texts.isEmpty() ? List.of() : embedder.embed(collection.spec(), texts);
        List<SearchQuery> queries = new ArrayList<>(searches.size());
        int textIndex = 0;
        for (int i = 0; i < searches.size(); i++) {
            Search search = searches.get(i);
            float[] raw = search.vector() != null ? search.vector() : embedded.get(textIndex++);
            queries.add(query(collection, search, raw, pointer(pointer, i, searches.size())));
        }
        return queries;
    }

    private SearchQuery query(VectorCollection collection, Search search, float[] raw, String pointer) {
        int k = search.k() == null ? DEFAULT_K : search.k();
        if (k < 1 || k > limits.maxK()) {
            throw VectordException.invalid("invalid_k", pointer + "/k: k must be from 1 to " + limits.maxK() + "; got " + k);
        }
        int numCandidates = search.numCandidates() == null ? Math.max(k, limits.defaultNumCandidates())
                : search.numCandidates();
        if (numCandidates < k || numCandidates > limits.maxNumCandidates()) {
            throw VectordException.invalid("invalid_num_candidates", pointer + "/numCandidates: numCandidates must be from k ("
                    + k + ") to " + limits.maxNumCandidates() + "; got " + numCandidates);
        }
        float[] vector = Vectors.prepare(collection.spec(), raw, pointer + (search.vector() != null ? "/vector" : "/text"));
        return new SearchQuery(vector, k, numCandidates,
                FilterParser.parse(search.filter(), collection.index().payloadSchema(), limits.maxFilterConditions()),
                search.withPayload() == null || search.withPayload(), Boolean.TRUE.equals(search.withVector()));
    }

    private static String pointer(String base, int index, int size) {
        return size == 1 && base.isEmpty() ? "" : base + "/" + index;
    }
}
