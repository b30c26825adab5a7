package dev.lakehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SchemaCatalogTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @Test
    void loadsTheFirstThreeSchemasById() {
        assertThat(catalog.ids()).extracting(SchemaId::toString)
                .contains("lakehouse.observation/v1", "lakehouse.validation-verdict/v1", "lakehouse.audit-event/v1");
    }

    @Test
    void recordWithoutSchemaFieldIsRefusedAtSchemaPointer() {
        assertThat(catalog.validate(JSON.readTree("{\"id\":\"x\"}")))
                .singleElement().extracting(SchemaViolation::pointer).isEqualTo("/schema");
    }

    @Test
    void recordNamingAnUnknownSchemaIsRefused() {
        assertThat(catalog.validate(JSON.readTree("{\"schema\":\"lakehouse.nothing/v9\"}")))
                .singleElement().extracting(SchemaViolation::message).asString().contains("unknown schema");
    }

    @Test
    void schemaIdRoundTripsThroughItsTextForm() {
        SchemaId id = SchemaId.parse("lakehouse.dataset-manifest/v12");

        assertThat(id.type()).isEqualTo("dataset-manifest");
        assertThat(id.version()).isEqualTo(12);
        assertThat(id).hasToString("lakehouse.dataset-manifest/v12");
    }

    @Test
    void dottedTypesNameAFamilyOfSchemas() {
        SchemaId id = SchemaId.parse("lakehouse.contract.shift-fill/v1");

        assertThat(id.type()).isEqualTo("contract.shift-fill");
        assertThat(id.uri()).isEqualTo("https://schemas.lakehouse.dev/contract.shift-fill/v1.json");
    }

    @Test
    void malformedSchemaIdsAreRejected() {
        assertThatThrownBy(() -> SchemaId.parse("observation/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaId.parse("lakehouse.observation/v0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaId.parse("lakehouse.Observation/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaId.parse("lakehouse.contract./v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
