package dev.lakehouse.chassis.lake;

import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaViolation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns one complete line into a valid record or the reason it is skipped. Thread-safe. */
final class LineDecoder {

    private final JsonMapper json;
    private final @Nullable SchemaCatalog schemas;

    LineDecoder(JsonMapper json, @Nullable SchemaCatalog schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /** A {@link JsonNode} when the line is a valid record, otherwise a {@link SegmentRead.InvalidLine}. */
    Object decode(byte[] bytes, int length, long lineNumber) {
        if (length == 0) {
            return new SegmentRead.InvalidLine(lineNumber, "empty line");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes, 0, length);
        } catch (JacksonException e) {
            return new SegmentRead.InvalidLine(lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        if (schemas != null && !certainlyValid(node)) {
            List<SchemaViolation> violations;
            try {
                violations = schemas.validate(node);
            } catch (RuntimeException e) {
                // The validator itself can fail on extreme values (1e300 against an integer minimum):
                // the line is skipped as invalid, the read goes on.
                return new SegmentRead.InvalidLine(lineNumber, "could not be validated: " + e.getMessage());
            }
            if (!violations.isEmpty()) {
                SchemaViolation first = violations.getFirst();
                return new SegmentRead.InvalidLine(lineNumber,
                        "breaks its schema at '" + first.pointer() + "': " + first.message());
            }
        }
        return node;
    }

    /** The fast path for the high-volume record type; anything it is not sure about gets the full validation. */
    private static boolean certainlyValid(JsonNode node) {
        return ObservationFastCheck.SCHEMA.equals(ObservationFastCheck.text(node.get("schema")))
                && ObservationFastCheck.certainlyValid(node);
    }

    static SegmentRead.InvalidLine overlong(long lineNumber) {
        return new SegmentRead.InvalidLine(lineNumber, "line longer than " + LakeReader.MAX_LINE_BYTES + " bytes");
    }
}
