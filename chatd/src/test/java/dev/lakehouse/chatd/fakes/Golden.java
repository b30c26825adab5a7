package dev.lakehouse.chatd.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares chatd's answers with golden files under {@code src/test/resources/golden/}: JSON
 * compared as trees after the values that change on every call (ids, timestamps) are replaced by
 * {@code "<dynamic>"}; streams compared event by event (SSE {@code event:}/{@code data:} lines, NDJSON lines).
 */
public final class Golden {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DYNAMIC = Set.of("id", "created", "created_at");

    private Golden() {
    }

    public static void assertJson(String name, String actual) {
        assertThat(normalise(JSON.readTree(actual))).as("golden/" + name).isEqualTo(JSON.readTree(read(name)));
    }

    /** Each line of a stream: JSON lines normalised, the rest ({@code event:}, {@code [DONE]}) as text. */
    public static void assertStream(String name, String actual) {
        assertThat(lines(actual)).as("golden/" + name).containsExactlyElementsOf(lines(read(name)));
    }

    private static List<String> lines(String stream) {
        List<String> lines = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String prefix = line.startsWith("data: ") ? "data: " : "";
            String payload = line.substring(prefix.length());
            lines.add(payload.startsWith("{") ? prefix + JSON.writeValueAsString(normalise(JSON.readTree(payload))) : line);
        }
        return lines;
    }

    static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                if (DYNAMIC.contains(field) && (object.get(field).isString() || object.get(field).isNumber())) {
                    object.put(field, "<dynamic>");
                } else {
                    normalise(object.get(field));
                }
            }
        } else if (node.isArray()) {
            node.forEach(Golden::normalise);
        }
        return node;
    }

    private static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
