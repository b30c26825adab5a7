package dev.lakehouse.schemas;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id every lake record carries in its {@code schema} field: {@code lakehouse.<type>/v<N>}.
 * A breaking change of a record type is a new version, never an edit of an old one.
 */
public record SchemaId(String type, int version) {

    // Types may be dotted to form families, e.g. the fill contracts: lakehouse.contract.shift-fill/v1.
    private static final String TYPE = "[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*";
    private static final Pattern FORMAT = Pattern.compile("lakehouse\\.(" + TYPE + ")/v([1-9][0-9]{0,3})");

    /** Base of the {@code $id} of every schema file; resolved to the classpath, never fetched. */
    static final String BASE_URI = "https://schemas.lakehouse.dev/";

    public SchemaId {
        if (type == null || !type.matches(TYPE) || version < 1) {
            throw new IllegalArgumentException("not a schema id: lakehouse." + type + "/v" + version);
        }
    }

    public static SchemaId parse(String id) {
        Matcher m = FORMAT.matcher(id == null ? "" : id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a schema id (expected lakehouse.<type>/v<N>): " + id);
        }
        return new SchemaId(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** The {@code $id} URI of the schema file. */
    public String uri() {
        return BASE_URI + type + "/v" + version + ".json";
    }

    @Override
    public String toString() {
        return "lakehouse." + type + "/v" + version;
    }
}
