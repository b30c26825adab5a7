package dev.lakehouse.chatd.provider;

/**
 * One provider spoken in its own wire format. Implementations are thin: build the provider's
 * request, read its answer or stream, classify its errors. Every provider takes OpenAI-shaped tools,
 * translating them into its own. Resilience lives in dispatch.
 */
public interface ProviderClient {

    /** The provider's name as used in {@code provider/model}: ollama, openai, anthropic, gemini, openrouter, replay. */
    String name();

    ProviderReply complete(ProviderRequest request) throws ProviderException;

    /** Opens a stream; errors before the first event (HTTP status, connection) are thrown here. */
    UpstreamStream stream(ProviderRequest request) throws ProviderException;
}
