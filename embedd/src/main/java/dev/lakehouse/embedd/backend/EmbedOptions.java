package dev.lakehouse.embedd.backend;

import org.jspecify.annotations.Nullable;

/**
 * What a caller may ask of an embedding besides the text.
 *
 * @param dimensions the requested vector length, or null for the model's own
 * @param truncate whether an input longer than the model's context is cut (true) or refused (false)
 */
public record EmbedOptions(@Nullable Integer dimensions, boolean truncate) {

    public static final EmbedOptions DEFAULT = new EmbedOptions(null, true);
}
