package dev.lakehouse.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * The error body a client of a route can parse: the compatible APIs answer in their own
 * provider's shape (the official SDKs raise typed errors from it), everything else in
 * RFC 9457 problem details.
 */
public enum ErrorShape {

    /** OpenAI: {@code {"error": {"message", "type", "param", "code"}}}. */
    OPENAI,
    /** Ollama: {@code {"error": "message"}}. */
    OLLAMA,
    /** Anthropic: {@code {"type": "error", "error": {"type", "message"}}}. */
    ANTHROPIC,
    /** RFC 9457 problem details. */
    PROBLEM;

    public static ErrorShape forPath(String path) {
        if (path.equals("/v1/messages") || path.startsWith("/v1/messages/")) {
            return ANTHROPIC;
        }
        if (path.equals("/v1/embeddings") || path.equals("/v1/chat/completions") || path.equals("/v1/completions")
                || path.equals("/v1/models") || path.startsWith("/v1/models/")) {
            return OPENAI;
        }
        if (path.startsWith("/api/")) {
            return OLLAMA;
        }
        return PROBLEM;
    }

    public MediaType mediaType() {
        return this == PROBLEM ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
    }

    /** The body for this shape; {@code problemType} is the problem's documented type URI. */
    public Map<String, Object> body(HttpStatusCode status, String code, String title, String detail,
            String problemType, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case OPENAI -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", detail);
                error.put("type", openAiType(status));
                error.put("param", null);
                error.put("code", code);
                body.put("error", error);
            }
            case OLLAMA -> body.put("error", detail);
            case ANTHROPIC -> {
                body.put("type", "error");
                body.put("error", Map.of("type", anthropicType(status), "message", detail));
                body.put("request_id", requestId);
            }
            case PROBLEM -> {
                body.put("type", problemType);
                body.put("title", title);
                body.put("status", status.value());
                body.put("detail", detail);
                body.put("instance", instance);
                body.put("code", code);
                body.put("requestId", requestId);
            }
        }
        return body;
    }

    private static String openAiType(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status.is5xxServerError() ? "server_error" : "invalid_request_error";
        };
    }

    // https://docs.anthropic.com/en/api/errors
    private static String anthropicType(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status.is5xxServerError() ? "api_error" : "invalid_request_error";
        };
    }
}
