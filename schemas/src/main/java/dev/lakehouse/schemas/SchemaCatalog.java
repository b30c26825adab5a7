package dev.lakehouse.schemas;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Every lake record schema, loaded from the classpath by id and compiled once.
 *
 * <p>Schemas are JSON Schema draft 2020-12 with format assertions on, so a {@code date-time}
 * that is not RFC 3339 fails like a wrong type would. {@code $ref}s between schemas resolve
 * to the classpath; nothing is fetched over the network.
 */
public final class SchemaCatalog {

    static final String RESOURCE_ROOT = "dev/lakehouse/schemas/";

    private static volatile SchemaCatalog standard;

    private final Map<SchemaId, Schema> schemas;

    private SchemaCatalog(Map<SchemaId, Schema> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /** The schemas shipped in this module, compiled once per JVM. */
    public static SchemaCatalog standard() {
        SchemaCatalog catalog = standard;
        if (catalog == null) {
            synchronized (SchemaCatalog.class) {
                catalog = standard;
                if (catalog == null) {
                    catalog = load(SchemaCatalog.class.getClassLoader());
                    standard = catalog;
                }
            }
        }
        return catalog;
    }

    static SchemaCatalog load(ClassLoader classLoader) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .pathType(PathType.JSON_POINTER)
                                .build())
                        .schemaIdResolvers(ids -> ids.mapPrefix(SchemaId.BASE_URI, "classpath:" + RESOURCE_ROOT)));
        Map<SchemaId, Schema> compiled = new LinkedHashMap<>();
        for (SchemaId id : indexedIds(classLoader)) {
            Schema schema = registry.getSchema(SchemaLocation.of(id.uri()));
            schema.initializeValidators();
            compiled.put(id, schema);
        }
        return new SchemaCatalog(compiled);
    }

    private static List<SchemaId> indexedIds(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE_ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("schema index missing: " + RESOURCE_ROOT + "index.txt");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(SchemaId::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<SchemaId> ids() {
        return schemas.keySet();
    }

    public boolean contains(SchemaId id) {
        return schemas.containsKey(id);
    }

    /** Validates a record against the schema named in its own {@code schema} field. */
    public List<SchemaViolation> validate(JsonNode record) {
        JsonNode declared = record.path("schema");
        if (!declared.isString()) {
            return List.of(new SchemaViolation("/schema", "required", "record has no \"schema\" field naming its schema"));
        }
        SchemaId id;
        try {
            id = SchemaId.parse(declared.asString());
        } catch (IllegalArgumentException e) {
            return List.of(new SchemaViolation("/schema", "schema", e.getMessage()));
        }
        if (!contains(id)) {
            return List.of(new SchemaViolation("/schema", "schema", "unknown schema " + id));
        }
        return validate(id, record);
    }

    public List<SchemaViolation> validate(SchemaId id, JsonNode record) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new IllegalArgumentException("unknown schema " + id + "; known: " + schemas.keySet());
        }
        return schema.validate(record).stream()
                .map(error -> new SchemaViolation(error.getInstanceLocation().toString(), error.getKeyword(), error.getMessage()))
                .toList();
    }
}
