package dev.lakehouse.chassis.internalauth;

/** Thrown at start-up when {@code LAKEHOUSE_INTERNAL_TOKEN} is missing or too short. */
public class MissingInternalTokenException extends RuntimeException {

    private final boolean present;

    private MissingInternalTokenException(String message, boolean present) {
        super(message);
        this.present = present;
    }

    public static MissingInternalTokenException missing() {
        return new MissingInternalTokenException("LAKEHOUSE_INTERNAL_TOKEN is not set", false);
    }

    public static MissingInternalTokenException tooShort(int length) {
        return new MissingInternalTokenException("LAKEHOUSE_INTERNAL_TOKEN is " + length + " characters long; at least "
                + InternalAuthProperties.MIN_TOKEN_LENGTH + " are required", true);
    }

    public boolean present() {
        return present;
    }
}
