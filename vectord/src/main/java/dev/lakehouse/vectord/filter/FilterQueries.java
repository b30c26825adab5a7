package dev.lakehouse.vectord.filter;

import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A filter as a Lucene query over the payload fields: keywords and booleans as terms, numbers
 * as 1-dimensional points. Only the matching documents matter (it is the filter of a KNN query),
 * so every clause is non-scoring.
 */
public final class FilterQueries {

    private FilterQueries() {
    }

    public static Query toQuery(Filter filter) {
        return switch (filter) {
            case Filter.Bool bool -> bool(bool);
            case Filter.Match match -> match(match.key(), match.type(), match.value());
            case Filter.Any any -> any(any);
            case Filter.Range range -> range(range);
        };
    }

    private static Query bool(Filter.Bool bool) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        bool.must().forEach(clause -> query.add(toQuery(clause), Occur.FILTER));
        if (!bool.should().isEmpty()) {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            bool.should().forEach(clause -> anyOf.add(toQuery(clause), Occur.SHOULD));
            query.add(anyOf.build(), Occur.FILTER);
        }
        bool.mustNot().forEach(clause -> query.add(toQuery(clause), Occur.MUST_NOT));
        if (bool.must().isEmpty() && bool.should().isEmpty()) {
            // A query of only MUST_NOT clauses matches nothing in Lucene; exclusions apply to all documents.
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return query.build();
    }

    private static Query match(String key, PayloadType type, Object value) {
        return switch (type) {
            case NUMBER -> DoublePoint.newExactQuery(type.field(key), (Double) value);
            case KEYWORD, BOOLEAN -> new TermQuery(new Term(type.field(key), termOf(value)));
        };
    }

    private static Query any(Filter.Any any) {
        String field = any.type().field(any.key());
        if (any.type() == PayloadType.NUMBER) {
            return DoublePoint.newSetQuery(field, any.values().stream().mapToDouble(v -> (Double) v).toArray());
        }
        List<BytesRef> terms = any.values().stream().map(v -> new BytesRef(termOf(v))).toList();
        return new TermInSetQuery(field, terms);
    }

    private static Query range(Filter.Range range) {
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        if (range.gte() != null) {
            lower = range.gte();
        }
        if (range.gt() != null) {
            lower = Math.max(lower, Math.nextUp(range.gt()));
        }
        if (range.lte() != null) {
            upper = range.lte();
        }
        if (range.lt() != null) {
            upper = Math.min(upper, Math.nextDown(range.lt()));
        }
        return DoublePoint.newRangeQuery(PayloadType.NUMBER.field(range.key()), lower, upper);
    }

    /** The indexed term of a keyword or boolean value. */
    public static String termOf(Object value) {
        return value instanceof Boolean flag ? flag.toString() : (String) value;
    }
}
