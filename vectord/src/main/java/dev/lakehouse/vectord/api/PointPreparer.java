package dev.lakehouse.vectord.api;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.VectordProperties;
import dev.lakehouse.vectord.api.PointRequests.Input;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.embedding.TextEmbedder;
import dev.lakehouse.vectord.filter.PayloadFields;
import dev.lakehouse.vectord.index.Point;
import dev.lakehouse.vectord.index.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the points of an upsert against the collection and the limits, embeds their texts
 * (one embedd call per request), and hands the engine points it can store as they are.
 */
@Component
class PointPreparer {

    private final VectordProperties.Limits limits;
    private final TextEmbedder embedder;
    private final JsonMapper json;

    PointPreparer(VectordProperties properties, TextEmbedder embedder, JsonMapper json) {
        this.limits = properties.limits();
        this.embedder = embedder;
        this.json = json;
    }

    List<Point> prepare(CollectionSpec spec, @Nullable List<Input> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw VectordException.invalid("invalid_points", "/points: give a non-empty array of points");
        }
        if (inputs.size() > limits.maxPointsPerUpsert()) {
            throw VectordException.tooLarge("too_many_points", "an upsert may carry at most " + limits.maxPointsPerUpsert()
                    + " points; got " + inputs.size() + " (lakehouse.vectord.limits.max-points-per-upsert)");
        }
        List<float[]> embedded = embedTexts(spec, inputs);
        List<Point> points = new ArrayList<>(inputs.size());
        int textIndex = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String pointer = "/points/" + i;
            float[] raw = input.vector() != null ? input.vector() : embedded.get(textIndex++);
            float[] vector = Vectors.prepare(spec, raw, pointer + (input.vector() != null ? "/vector" : "/text"));
            JsonNode payload = input.payload() == null || input.payload().isNull()
                    ? json.createObjectNode() : input.payload();
            if (!payload.isObject()) {
                throw VectordException.invalid("invalid_payload", pointer + "/payload: payload must be a JSON object");
            }
            byte[] payloadJson = json.writeValueAsBytes(payload);
            if (payloadJson.length > limits.maxPayloadSize().toBytes()) {
                throw VectordException.tooLarge("payload_too_large", pointer + "/payload: payload is " + payloadJson.length
                        + " bytes; the limit is " + limits.maxPayloadSize().toBytes()
                        + " (lakehouse.vectord.limits.max-payload-size)");
            }
            points.add(new Point(id(input.id(), pointer), vector, payloadJson,
                    PayloadFields.flatten(payload, limits.maxPayloadDepth())));
        }
        return points;
    }

    private List<float[]> embedTexts(CollectionSpec spec, List<Input> inputs) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            if ((input.vector() == null) == (input.text() == null)) {
                throw VectordException.invalid("invalid_point", "/points/" + i + ": give exactly one of vector and text");
            }
            if (input.text() != null) {
                if (input.text().isBlank()) {
                    throw VectordException.invalid("invalid_point", "/points/" + i + "/text: text must not be blank");
                }
                texts.add(input.text());
            }
        }
        return texts.isEmpty() ? List.of() : embedder.embed(spec, texts);
    }

    String id(@Nullable String id, String pointer) {
        if (id == null || id.isEmpty() || id.length() > limits.maxIdLength()) {
            throw VectordException.invalid("invalid_id", pointer + "/id: a point id is a string of 1 to "
                    + limits.maxIdLength() + " characters");
        }
        return id;
    }
}
