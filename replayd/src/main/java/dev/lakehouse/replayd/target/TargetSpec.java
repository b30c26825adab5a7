package dev.lakehouse.replayd.target;

import org.jspecify.annotations.Nullable;

/**
 * Where records are replayed: {@code model} ({@code provider/model}) under each record's own
 * role, or every record under {@code role}, whose chain then picks the model. Exactly one is set.
 */
public record TargetSpec(@Nullable String model, @Nullable String role) {

    public TargetSpec {
        if ((model == null) == (role == null)) {
            throw new IllegalArgumentException("a target is either a model or a role");
        }
    }

    public static TargetSpec model(String model) {
        return new TargetSpec(model, null);
    }

    public static TargetSpec role(String role) {
        return new TargetSpec(null, role);
    }

    /** The role a record is sent under. */
    public String roleFor(String recordedRole) {
        return role != null ? role : recordedRole;
    }
}
