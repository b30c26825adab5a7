package dev.lakehouse.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSONL files shipped with the schemas: records every producer must be able to
 * write and every consumer must be able to read, and records every reader must refuse.
 */
public final class GoldenFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenFiles() {
    }

    /** Lines that must pass their schema. */
    public static List<String> valid(SchemaId id) {
        return lines(id, "valid");
    }

    /** Records that must fail, each with the pointer and keyword where it fails. */
    public static List<InvalidCase> invalid(SchemaId id) {
        return lines(id, "invalid").stream().map(line -> {
            JsonNode node = JSON.readTree(line);
            JsonNode expect = node.required("expect");
            return new InvalidCase(expect.required("pointer").asString(), expect.required("keyword").asString(),
                    node.required("record"));
        }).toList();
    }

    public static String resourceName(SchemaId id, String kind) {
        return SchemaCatalog.RESOURCE_ROOT + "golden/" + id.type() + "-v" + id.version() + "." + kind + ".jsonl";
    }

    private static List<String> lines(SchemaId id, String kind) {
        String name = resourceName(id, kind);
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record that must fail validation at {@code pointer} on {@code keyword}. */
    public record InvalidCase(String pointer, String keyword, JsonNode record) {
    }
}
