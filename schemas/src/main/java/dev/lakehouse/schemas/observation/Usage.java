package dev.lakehouse.schemas.observation;

/**
 * Token usage.
 *
 * @param estimated true when the provider reported none and chatd estimated it
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens, boolean estimated) {

    public static Usage of(int promptTokens, int completionTokens, boolean estimated) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, estimated);
    }

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens, estimated || other.estimated);
    }
}
