package dev.lakehouse.chatd.fakes;

import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The providers' exact wire formats, as their APIs document them, for the fake servers:
 * OpenAI Chat Completions (and OpenRouter), Anthropic Messages, Gemini generateContent, Ollama /api/chat.
 */
public final class Wire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Wire() {
    }

    private static String text(String value) {
        return JSON.writeValueAsString(value);
    }

    // OpenAI ------------------------------------------------------------------------------------

    public static Reply openAiAnswer(String content, int prompt, int completion) {
        return Reply.json(200, """
                {"id":"chatcmpl-abc123","object":"chat.completion","created":1764000000,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},"logprobs":null,
                 "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d},"system_fingerprint":"fp_1"}"""
                .formatted(text(content), prompt, completion, prompt + completion));
    }

    public static Reply openAiToolCall(String name, String arguments) {
        return Reply.json(200, """
                {"id":"chatcmpl-tool","object":"chat.completion","created":1764000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
                 "type":"function","function":{"name":%s,"arguments":%s}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30}}"""
                .formatted(text(name), text(arguments)));
    }

    /** SSE chunks; with {@code complete} the usage chunk and {@code [DONE]} follow, without it the stream is cut. */
    public static List<String> openAiChunks(List<String> pieces, boolean complete) {
        List<String> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini\",";
        events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String piece : pieces) {
            events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + text(piece)
                    + "},\"finish_reason\":null}]}\n\n");
        }
        if (complete) {
            events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            events.add("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":"
                    + pieces.size() + ",\"total_tokens\":" + (11 + pieces.size()) + "}}\n\n");
            events.add("data: [DONE]\n\n");
        }
        return events;
    }

    public static Reply openAiStream(String... pieces) {
        return Reply.sse(openAiChunks(List.of(pieces), true));
    }

    public static Reply openAiError(int status, String type, String message) {
        return Reply.json(status, """
                {"error":{"message":%s,"type":%s,"param":null,"code":null}}""".formatted(text(message), text(type)));
    }

    public static Reply openAiError(int status, String type, String message, Map<String, String> headers) {
        return Reply.json(status, """
                {"error":{"message":%s,"type":%s,"param":null,"code":null}}""".formatted(text(message), text(type)),
                headers);
    }

    // Anthropic ---------------------------------------------------------------------------------

    public static Reply anthropicAnswer(String content, int input, int output) {
        return Reply.json(200, """
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(text(content), input, output));
    }

    public static List<String> anthropicEvents(List<String> pieces, boolean complete) {
        List<String> events = new ArrayList<>();
        events.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-3-5-haiku-20241022\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n");
        events.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        events.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        for (String piece : pieces) {
            events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + text(piece) + "}}\n\n");
        }
        if (complete) {
            events.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
            events.add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + (pieces.size() + 4) + "}}\n\n");
            events.add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }
        return events;
    }

    /** A text block, then a tool_use block, stop_reason tool_use: Anthropic's answer when Claude calls a tool. */
    public static Reply anthropicToolUse(String name, String inputJson) {
        return Reply.json(200, """
                {"id":"msg_01Tool","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":"Let me check."},
                            {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":%s,"input":%s}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":380,"output_tokens":60}}"""
                .formatted(text(name), inputJson));
    }

    /** A text block, then a tool_use block whose input arrives as input_json_delta pieces, as Anthropic streams it. */
    public static Reply anthropicToolUseStream(String name, String... inputPieces) {
        List<String> events = new ArrayList<>();
        events.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-3-5-haiku-20241022\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":380,\"output_tokens\":1}}}\n\n");
        events.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}\n\n");
        events.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        events.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":" + text(name)
                + ",\"input\":{}}}\n\n");
        events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n");
        for (String piece : inputPieces) {
            events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                    + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + text(piece) + "}}\n\n");
        }
        events.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n");
        events.add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":89}}\n\n");
        events.add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return Reply.sse(events);
    }

    public static Reply anthropicStream(String... pieces) {
        return Reply.sse(anthropicEvents(List.of(pieces), true));
    }

    public static String anthropicErrorEvent(String type, String message) {
        return "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":" + text(type) + ",\"message\":" + text(message)
                + "}}\n\n";
    }

    public static Reply anthropicError(int status, String type, String message) {
        return Reply.json(status, """
                {"type":"error","error":{"type":%s,"message":%s}}""".formatted(text(type), text(message)));
    }

    // Gemini ------------------------------------------------------------------------------------

    public static Reply geminiAnswer(String content, int prompt, int candidates) {
        return Reply.json(200, """
                {"candidates":[{"content":{"parts":[{"text":%s}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":%d,"candidatesTokenCount":%d,"totalTokenCount":%d},
                 "modelVersion":"gemini-2.0-flash"}""".formatted(text(content), prompt, candidates, prompt + candidates));
    }

    /** {@code streamGenerateContent?alt=sse}: the last chunk carries finishReason and usage; no terminal event. */
    public static List<String> geminiChunks(List<String> pieces, boolean complete) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = complete && i == pieces.size() - 1;
            events.add("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + text(pieces.get(i))
                    + "}],\"role\":\"model\"}" + (last ? ",\"finishReason\":\"STOP\"" : "") + ",\"index\":0}]"
                    + (last ? ",\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":" + pieces.size()
                    + ",\"totalTokenCount\":" + (9 + pieces.size()) + "}" : "")
                    + ",\"modelVersion\":\"gemini-2.0-flash\"}\r\n\r\n");
        }
        return events;
    }

    public static Reply geminiStream(String... pieces) {
        return Reply.sse(geminiChunks(List.of(pieces), true));
    }

    /** Gemini's answer when the model calls a function: a functionCall part (no id, as Gemini 2.0 sends it), STOP. */
    public static Reply geminiFunctionCall(String name, String argsJson) {
        return Reply.json(200, """
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":%s,"args":%s}}],"role":"model"},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":8,"totalTokenCount":48},
                 "modelVersion":"gemini-2.0-flash"}""".formatted(text(name), argsJson));
    }

    /** A streamed function call: Gemini sends each functionCall part whole, in the chunk that finishes. */
    public static Reply geminiFunctionCallStream(String name, String argsJson) {
        return Reply.sse(List.of("data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":" + text(name)
                + ",\"args\":" + argsJson + "}}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":40,\"candidatesTokenCount\":8,\"totalTokenCount\":48},"
                + "\"modelVersion\":\"gemini-2.0-flash\"}\r\n\r\n"));
    }

    public static Reply geminiError(int status, String statusName, String message) {
        return Reply.json(status, """
                {"error":{"code":%d,"message":%s,"status":%s}}""".formatted(status, text(message), text(statusName)));
    }

    // Ollama ------------------------------------------------------------------------------------

    public static Reply ollamaAnswer(String content, int prompt, int eval) {
        return Reply.json(200, """
                {"model":"llama3.2","created_at":"2026-11-25T10:00:00.000000Z","message":{"role":"assistant","content":%s},
                 "done_reason":"stop","done":true,"total_duration":5191566416,"load_duration":2154458,
                 "prompt_eval_count":%d,"prompt_eval_duration":383809000,"eval_count":%d,"eval_duration":4799921000}"""
                .formatted(text(content), prompt, eval));
    }

    public static List<String> ollamaLines(List<String> pieces, boolean complete) {
        List<String> lines = new ArrayList<>();
        for (String piece : pieces) {
            lines.add("{\"model\":\"llama3.2\",\"created_at\":\"2026-11-25T10:00:00.1Z\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":" + text(piece) + "},\"done\":false}\n");
        }
        if (complete) {
            lines.add("{\"model\":\"llama3.2\",\"created_at\":\"2026-11-25T10:00:01Z\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":4883583458,"
                    + "\"load_duration\":1334875,\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,"
                    + "\"eval_count\":" + pieces.size() + ",\"eval_duration\":4535599000}\n");
        }
        return lines;
    }

    public static Reply ollamaStream(String... pieces) {
        return Reply.ndjson(ollamaLines(List.of(pieces), true));
    }

    public static Reply ollamaError(int status, String message) {
        return Reply.json(status, "{\"error\":" + text(message) + "}");
    }

    public static Reply ollamaTags(String... models) {
        ObjectNode tags = JSON.createObjectNode();
        var array = tags.putArray("models");
        for (String model : models) {
            array.addObject().put("name", model).put("model", model).put("size", 2019393189);
        }
        return Reply.json(200, JSON.writeValueAsString(tags));
    }
}
