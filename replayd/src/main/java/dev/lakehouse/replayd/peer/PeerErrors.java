package dev.lakehouse.replayd.peer;

import dev.lakehouse.schemas.replay.ReplayError;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A peer's error answer as a {@link ReplayError}: OpenAI's shape ({@code error.code},
 * {@code error.type}, {@code error.message}) as chatd answers on its OpenAI route, or an RFC 9457
 * problem ({@code code}, {@code detail}) as every daemon answers elsewhere.
 */
public final class PeerErrors {

    private static final int MAX_MESSAGE = 500;

    private PeerErrors() {
    }

    public static ReplayError of(RestClientResponseException e, JsonMapper json) {
        int status = e.getStatusCode().value();
        JsonNode body = parse(e.getResponseBodyAsString(), json);
        JsonNode error = body.path("error");
        String code = firstText(error.path("code"), error.path("type"), body.path("code"));
        String message = firstText(error.path("message"), body.path("detail"), body.path("title"));
        return new ReplayError(status, code == null ? "http_" + status : code,
                abbreviate(message == null ? e.getStatusText() : message));
    }

    private static JsonNode parse(String body, JsonMapper json) {
        try {
            return body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private static @org.jspecify.annotations.Nullable String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isString() && !node.asString().isBlank()) {
                return node.asString();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
