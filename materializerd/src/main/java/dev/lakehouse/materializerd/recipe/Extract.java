package dev.lakehouse.materializerd.recipe;

import org.jspecify.annotations.Nullable;

/**
 * What a recipe's per-record step made of one lake record: a value for its ordered step, or
 * the reason the record was dropped. Drops are counted in lake order, so the counts are the
 * same on every run even when reading stops early at the record cap.
 */
public record Extract<T>(@Nullable T value, @Nullable String dropped) {

    public static <T> Extract<T> of(T value) {
        return new Extract<>(value, null);
    }

    public static <T> Extract<T> drop(String reason) {
        return new Extract<>(null, reason);
    }
}
