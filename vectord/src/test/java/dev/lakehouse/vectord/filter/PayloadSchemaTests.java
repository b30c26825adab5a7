package dev.lakehouse.vectord.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.vectord.VectordException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadSchemaTests {

    @Test
    void firstTypeOfAKeyIsKept() {
        PayloadSchema schema = new PayloadSchema(Map.of());

        schema.register(List.of(new PayloadValue("year", PayloadType.NUMBER, 1.0)));

        assertThat(schema.typeOf("year")).contains(PayloadType.NUMBER);
        assertThatThrownBy(() -> schema.register(List.of(new PayloadValue("year", PayloadType.KEYWORD, "x"))))
                .isInstanceOfSatisfying(VectordException.class, e -> assertThat(e.code()).isEqualTo("payload_type_conflict"));
    }

    @Test
    void conflictInsideOneRequestIsRefusedAndRecordsNothing() {
        PayloadSchema schema = new PayloadSchema(Map.of());

        assertThatThrownBy(() -> schema.register(List.of(new PayloadValue("id", PayloadType.NUMBER, 1.0),
                new PayloadValue("id", PayloadType.KEYWORD, "one"))))
                .isInstanceOf(VectordException.class);
        assertThat(schema.asMap()).isEmpty();
    }
}
