package dev.lakehouse.validated.contract;

import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden payloads of a fill contract ({@code golden/contract.<name>-v<N>.{valid,invalid}.jsonl}
 * in the schemas module; format in docs/readme/validated.md).
 */
final class ContractGoldenFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractGoldenFiles() {
    }

    /** @param warnings codes of the non-error violations the verdict must list, in order */
    record ValidCase(String name, JsonNode payload, ValidationContext context, List<String> warnings) {
    }

    record Expected(String code, String path) {
    }

    record InvalidCase(String name, JsonNode payload, ValidationContext context, List<Expected> expect) {
    }

    static List<ValidCase> valid(SchemaId id) {
        return lines(id, "valid").stream().map(line -> new ValidCase(line.required("name").asString(), line.required("payload"),
                context(line.get("context")), line.path("warnings").valueStream().map(JsonNode::asString).toList())).toList();
    }

    static List<InvalidCase> invalid(SchemaId id) {
        return lines(id, "invalid").stream().map(line -> new InvalidCase(line.required("name").asString(), line.required("payload"),
                context(line.get("context")), line.required("expect").valueStream()
                        .map(e -> new Expected(e.required("code").asString(), e.required("path").asString())).toList())).toList();
    }

    private static ValidationContext context(@Nullable JsonNode context) {
        if (context == null || context.isNull()) {
            return ValidationContext.EMPTY;
        }
        return new ValidationContext(context.path("source").asString(null), null, List.of(), List.of(), List.of(), List.of(),
                null, null, null, List.of());
    }

    private static List<JsonNode> lines(SchemaId id, String kind) {
        String name = "dev/lakehouse/schemas/golden/" + id.type() + "-v" + id.version() + "." + kind + ".jsonl";
        try (InputStream in = ContractGoldenFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
