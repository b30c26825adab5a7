package dev.lakehouse.validated.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON document in a model's raw output. The whole output must be one JSON value; the one
 * tolerated deviation is a single Markdown code fence around it (```json ... ```), which models
 * add despite instructions: the JSON inside is used and the caller reports a warning.
 *
 * @param json the document, or {@code null} when there is none
 * @param fenced the document came from inside a code fence
 * @param problem why there is no document ({@code null} when there is one)
 * @param empty the output was empty or blank
 */
public record ModelOutput(@Nullable JsonNode json, boolean fenced, @Nullable String problem, boolean empty) {

    // A fence at the start of a line: ``` or ~~~, optionally "json", the body, the same closing fence.
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]{0,3}(```|~~~)[ \\t]*(?:json|JSON|json5|jsonc)?[ \\t]*\\r?\\n(.*?)\\r?\\n[ \\t]{0,3}\\1[ \\t]*$",
            Pattern.DOTALL);
    private static final int MAX_DETAIL = 200;

    public static ModelOutput of(JsonNode json) {
        return new ModelOutput(json, false, null, false);
    }

    /** Parses raw output with {@code json}, a mapper that refuses trailing tokens. */
    public static ModelOutput parse(String raw, JsonMapper json) {
        String text = raw.strip();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            return new ModelOutput(null, false, "the output is empty", true);
        }
        try {
            return of(json.readTree(text));
        } catch (JacksonException direct) {
            Matcher fence = FENCE.matcher(text);
            if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0 || !fence.find()) {
                return new ModelOutput(null, false, describe(direct), false);
            }
            try {
                return new ModelOutput(json.readTree(fence.group(2)), true, null, false);
            } catch (JacksonException inFence) {
                return new ModelOutput(null, true, "the code fence does not hold valid JSON: " + describe(inFence), false);
            }
        }
    }

    private static String describe(JacksonException error) {
        String message = error.getOriginalMessage();
        TokenStreamLocation location = error.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String oneLine = (message == null ? "not JSON" : message).replaceAll("\\s+", " ");
        if (oneLine.length() > MAX_DETAIL) {
            oneLine = oneLine.substring(0, MAX_DETAIL) + "...";
        }
        return "not valid JSON" + where + ": " + oneLine;
    }
}
