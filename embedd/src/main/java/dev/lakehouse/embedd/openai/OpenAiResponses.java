package dev.lakehouse.embedd.openai;

import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.cache.CachedEmbedding;
import dev.lakehouse.embedd.embedding.EmbeddingResult;
import dev.lakehouse.embedd.embedding.JsonBytes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's wire format, written from pre-encoded embeddings:
 * {@code {"object":"list","data":[{"object":"embedding","index":0,"embedding":...}],"model":...,"usage":{...}}},
 * and errors as {@code {"error":{"message","type","param","code"}}}.
 */
public final class OpenAiResponses {

    private static final byte[] LIST_START = JsonBytes.ascii("{\"object\":\"list\",\"data\":[");
    private static final byte[] ITEM_START = JsonBytes.ascii("{\"object\":\"embedding\",\"index\":");
    private static final byte[] EMBEDDING = JsonBytes.ascii(",\"embedding\":");
    private static final byte[] MODEL = JsonBytes.ascii("],\"model\":");
    private static final byte[] USAGE = JsonBytes.ascii(",\"usage\":{\"prompt_tokens\":");
    private static final byte[] TOTAL_TOKENS = JsonBytes.ascii(",\"total_tokens\":");
    private static final byte[] END = JsonBytes.ascii("}}");

    private OpenAiResponses() {
    }

    public static byte[] embeddings(String model, EmbeddingResult result, boolean base64) {
        List<CachedEmbedding> embeddings = result.embeddings();
        byte[] escapedModel = JsonBytes.escape(model);
        int tokens = result.promptTokens();
        // Sized exactly, so the body is built in one array and never copied.
        int size = LIST_START.length + MODEL.length + escapedModel.length + 2 + USAGE.length + TOTAL_TOKENS.length
                + 2 * JsonBytes.digits(tokens) + END.length;
        for (int i = 0; i < embeddings.size(); i++) {
            CachedEmbedding embedding = embeddings.get(i);
            size += (i > 0 ? 1 : 0) + ITEM_START.length + JsonBytes.digits(i) + EMBEDDING.length + 1
                    + (base64 ? embedding.base64().length + 2 : embedding.json().length);
        }
        JsonBytes json = new JsonBytes(size).raw(LIST_START);
        for (int i = 0; i < embeddings.size(); i++) {
            CachedEmbedding embedding = embeddings.get(i);
            if (i > 0) {
                json.character(',');
            }
            json.raw(ITEM_START).number(i).raw(EMBEDDING);
            if (base64) {
                json.character('"').raw(embedding.base64()).character('"');
            } else {
                json.raw(embedding.json());
            }
            json.character('}');
        }
        return json.raw(MODEL).quoted(escapedModel).raw(USAGE).number(tokens).raw(TOTAL_TOKENS).number(tokens).raw(END)
                .toByteArray();
    }

    public static byte[] error(EmbeddingException error) {
        return error(String.valueOf(error.getMessage()), error.status().is5xxServerError() ? "server_error" : "invalid_request_error",
                error.param(), error.code());
    }

    /** OpenAI's error object; {@code param} and {@code code} are null when they do not apply. */
    public static byte[] error(String message, String type, @Nullable String param, @Nullable String code) {
        JsonBytes json = new JsonBytes(message.length() + 128).raw(JsonBytes.ascii("{\"error\":{\"message\":"))
                .string(message).raw(JsonBytes.ascii(",\"type\":")).string(type).raw(JsonBytes.ascii(",\"param\":"));
        (param == null ? json.raw(JsonBytes.ascii("null")) : json.string(param)).raw(JsonBytes.ascii(",\"code\":"));
        return (code == null ? json.raw(JsonBytes.ascii("null")) : json.string(code)).raw(JsonBytes.ascii("}}"))
                .toByteArray();
    }
}
