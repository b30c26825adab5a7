package dev.lakehouse.validated.fill;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.validated.email.EmailAddressParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles fill contract schemas: draft 2020-12 with format assertions on, {@code email} and
 * {@code idn-email} checked by our address parser, and {@code $ref}s to other schemas of the
 * schemas module resolved from the classpath (never fetched).
 */
public final class FillSchemas {

    private static final String BASE_URI = "https://schemas.lakehouse.dev/";

    private final SchemaRegistry registry;

    public FillSchemas(EmailAddressParser parser) {
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .format(new AddressFormat("email", parser))
                .format(new AddressFormat("idn-email", parser))
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build())
                .schemaIdResolvers(ids -> ids.mapPrefix(BASE_URI, "classpath:dev/lakehouse/schemas/")));
    }

    /** Compiles {@code schema} (which must not carry {@code x-lakehouse} any more) as {@code id}. */
    public Schema compile(SchemaId id, ObjectNode schema) {
        Schema compiled = registry.getSchema(SchemaLocation.of(id.uri()), schema);
        compiled.initializeValidators();
        return compiled;
    }
}
