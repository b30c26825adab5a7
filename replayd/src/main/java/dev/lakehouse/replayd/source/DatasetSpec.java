package dev.lakehouse.replayd.source;

import org.jspecify.annotations.Nullable;

/**
 * A dataset version as a source, with what its lines do not say resolved when the run was accepted.
 *
 * @param role the role every line is replayed under
 * @param contract the contract both outputs are validated against
 * @param split only the files of this split ({@code train}, {@code eval} or {@code all}); null for every file
 */
public record DatasetSpec(String name, int version, String role, String contract, @Nullable String split) {

    public String ref() {
        return name + "/v" + version;
    }
}
