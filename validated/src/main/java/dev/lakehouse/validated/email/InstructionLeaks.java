package dev.lakehouse.validated.email;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Text that betrays the model or its instructions instead of being the email: assistant
 * disclaimers, chat-template tokens, a preamble such as "Here is the email:", and runs of the
 * system prompt copied into the output.
 */
final class InstructionLeaks {

    // Lower case; matched as substrings of the lower-cased text.
    static final List<String> PHRASES = List.of("as an ai", "as a language model", "as an artificial intelligence",
            "i am an ai", "i'm an ai", "i am a large language model", "i'm a large language model", "system prompt",
            "my instructions", "i was instructed to", "i have been instructed to", "my training data",
            "i cannot fulfill", "i can't fulfill", "i cannot comply", "i can't comply", "<|im_start|>", "<|im_end|>",
            "<|system|>", "<|user|>", "<|assistant|>", "<|eot_id|>", "<|start_header_id|>", "[inst]", "[/inst]", "<<sys>>",
            "### instruction", "### system", "### response");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(?:(?:sure|certainly|of course|okay|ok|absolutely)[,!.]?\\s*)?(?:here is|here's|below is|here you go)\\b.{0,60}"
                    + "\\b(?:email|e-mail|draft|message|reply|response)\\b.*$",
            Pattern.CASE_INSENSITIVE);

    private InstructionLeaks() {
    }

    /** Built-in and extra phrases found in {@code lower} (the text in lower case), in list order. */
    static List<String> phrases(String lower, List<String> extra) {
        List<String> found = new ArrayList<>(0);
        for (String phrase : PHRASES) {
            if (lower.contains(phrase)) {
                found.add(phrase);
            }
        }
        for (String phrase : extra) {
            String needle = phrase.toLowerCase(Locale.ROOT);
            if (!needle.isBlank() && lower.contains(needle) && !found.contains(needle)) {
                found.add(phrase);
            }
        }
        return found;
    }

    static boolean isPreamble(String firstLine) {
        return PREAMBLE.matcher(firstLine.strip()).matches();
    }

    /**
     * A run of at least {@code words} consecutive words of the system prompt found in the text
     * (both compared as lower-case words of letters and digits), or {@code null}. A prompt shorter
     * than the run counts when it appears whole and has at least four words.
     */
    static @Nullable String systemPromptEcho(String text, @Nullable String systemPrompt, int words) {
        if (systemPrompt == null || systemPrompt.isBlank()) {
            return null;
        }
        List<String> prompt = words(systemPrompt);
        int run = Math.min(words, prompt.size());
        if (run < 4) {
            return null;
        }
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + run <= prompt.size(); i++) {
            shingles.add(String.join(" ", prompt.subList(i, i + run)));
        }
        List<String> output = words(text);
        for (int i = 0; i + run <= output.size(); i++) {
            String shingle = String.join(" ", output.subList(i, i + run));
            if (shingles.contains(shingle)) {
                return shingle;
            }
        }
        return null;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
