package dev.lakehouse.chatd.role;

import java.util.regex.Pattern;

/**
 * What a role's output must be: {@code text} (anything), {@code email} (an email draft) or
 * {@code fill:<schema id>} (a JSON object filling that contract), validated by validated.
 */
public record Contract(Kind kind, String id) {

    /** The families of contracts validated knows. */
    public enum Kind {
        TEXT, EMAIL, FILL
    }

    public static final Contract TEXT = new Contract(Kind.TEXT, "text");
    private static final Pattern FILL = Pattern.compile("fill:[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    /** Parses a contract name; throws with a message naming the accepted forms. */
    public static Contract parse(String name) {
        if (name.equals("text")) {
            return TEXT;
        }
        if (name.equals("email")) {
            return new Contract(Kind.EMAIL, "email");
        }
        if (FILL.matcher(name).matches()) {
            return new Contract(Kind.FILL, name);
        }
        throw new IllegalArgumentException("contract '" + name + "' is not text, email or fill:<schema id>"
                + " (e.g. fill:lakehouse.contract.shift-fill/v1)");
    }

    /** The {@code kind} field of validated's {@code /v1/validate} request. */
    public String validateKind() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return id;
    }
}
