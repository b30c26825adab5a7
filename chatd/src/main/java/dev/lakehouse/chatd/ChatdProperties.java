package dev.lakehouse.chatd;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * chatd's own settings.
 *
 * @param rolesFile the roles file ({@code LAKEHOUSE_ROLES_FILE}): a file path, or {@code classpath:roles.yml},
 *     the sample shipped in chatd
 * @param limits what a chat request may contain
 * @param gate how role bleed is detected
 * @param validation how outputs are validated
 */
@ConfigurationProperties("lakehouse.chatd")
public record ChatdProperties(
        @DefaultValue("classpath:roles.yml") String rolesFile,
        @DefaultValue Limits limits,
        @DefaultValue Gate gate,
        @DefaultValue Validation validation) {

    /**
     * Limits of a chat request; beyond them the request gets a 400 in its surface's error shape.
     *
     * @param maxMessages messages in one request
     * @param maxStopSequences stop sequences in one request
     * @param maxTools tool definitions in one request
     */
    public record Limits(
            @DefaultValue("1024") int maxMessages,
            @DefaultValue("16") int maxStopSequences,
            @DefaultValue("128") int maxTools) {
    }

    /**
     * Role-bleed detection after the answer.
     *
     * @param ngramSize words per n-gram when comparing an output with other roles' system prompts
     * @param promptOverlapThreshold share (0..1) of another role's prompt n-grams found in the output
     *     from which the output counts as bleeding that prompt
     */
    public record Gate(
            @DefaultValue("5") int ngramSize,
            @DefaultValue("0.3") double promptOverlapThreshold) {
    }

    /**
     * Contract validation through validated.
     *
     * @param sendContext send validated a {@code context}: the role's system prompt (so it can spot an
     *     echo), the other roles' markers, and for fill contracts the user's messages as {@code source}
     */
    public record Validation(@DefaultValue("true") boolean sendContext) {
    }
}
