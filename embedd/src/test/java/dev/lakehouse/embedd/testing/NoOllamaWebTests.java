package dev.lakehouse.embedd.testing;

/**
 * The embedded default: no Ollama anywhere (port 1 refuses connections). Test classes that
 * use {@link #PROPERTIES} share one application context.
 */
public final class NoOllamaWebTests {

    public static final String PROPERTIES = "lakehouse.embedd.ollama.base-url=http://127.0.0.1:1";

    private NoOllamaWebTests() {
    }
}
