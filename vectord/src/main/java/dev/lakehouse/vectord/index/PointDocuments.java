package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.filter.FilterQueries;
import dev.lakehouse.vectord.filter.PayloadType;
import dev.lakehouse.vectord.filter.PayloadValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** How a point is laid out in a Lucene document, and how its parts are read back. */
final class PointDocuments {

    static final String ID = "_id";
    static final String PAYLOAD = "_payload";
    static final String VECTOR = "vector";
    private static final Set<String> PAYLOAD_ONLY = Set.of(PAYLOAD);

    private PointDocuments() {
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    /**
     * The id is indexed (for replace and delete) and a doc value (cheap to read for every hit);
     * the payload is stored as JSON; each filterable value is a term or a point.
     */
    static Document document(Point point, VectorSimilarityFunction similarity) {
        Document document = new Document();
        document.add(new StringField(ID, point.id(), Field.Store.NO));
        document.add(new BinaryDocValuesField(ID, new BytesRef(point.id())));
        document.add(new StoredField(PAYLOAD, point.payloadJson()));
        document.add(new KnnFloatVectorField(VECTOR, point.vector(), similarity));
        for (PayloadValue value : point.filterable()) {
            String field = value.type().field(value.key());
            if (value.type() == PayloadType.NUMBER) {
                document.add(new DoublePoint(field, (Double) value.value()));
            } else {
                document.add(new StringField(field, FilterQueries.termOf(value.value()), Field.Store.NO));
            }
        }
        return document;
    }

    static String id(LeafReader leaf, int docInLeaf) throws IOException {
        BinaryDocValues ids = DocValues.getBinary(leaf, ID);
        if (!ids.advanceExact(docInLeaf)) {
            throw new IllegalStateException("document without id");
        }
        return ids.binaryValue().utf8ToString();
    }

    static byte[] payload(IndexReader reader, int doc) throws IOException {
        BytesRef bytes = reader.storedFields().document(doc, PAYLOAD_ONLY).getBinaryValue(PAYLOAD);
        return bytes == null ? "{}".getBytes(StandardCharsets.UTF_8)
                : Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
    }

    static float @Nullable [] vector(LeafReader leaf, int docInLeaf) throws IOException {
        FloatVectorValues values = leaf.getFloatVectorValues(VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        return iterator.advance(docInLeaf) == docInLeaf ? values.vectorValue(iterator.index()).clone() : null;
    }

    /** Payload key types as the index records them in its field names. */
    static Map<String, PayloadType> payloadTypes(IndexReader reader) {
        Map<String, PayloadType> types = new HashMap<>();
        for (FieldInfo field : FieldInfos.getMergedFieldInfos(reader)) {
            for (PayloadType type : PayloadType.values()) {
                if (field.getName().startsWith(type.fieldPrefix())) {
                    types.putIfAbsent(field.getName().substring(type.fieldPrefix().length()), type);
                }
            }
        }
        return types;
    }

    static List<String> idsOf(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
