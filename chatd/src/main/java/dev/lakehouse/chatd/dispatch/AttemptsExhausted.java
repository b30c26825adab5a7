package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.provider.ProviderException;
import org.jspecify.annotations.Nullable;

/** The role's attempt limit is reached; no further provider call is made for this chat call. */
final class AttemptsExhausted extends RuntimeException {

    private final @Nullable ProviderException last;

    AttemptsExhausted(@Nullable ProviderException last) {
        super("attempt limit reached", null, false, false);
        this.last = last;
    }

    @Nullable ProviderException last() {
        return last;
    }
}
