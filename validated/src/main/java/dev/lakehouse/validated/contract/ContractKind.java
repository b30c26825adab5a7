package dev.lakehouse.validated.contract;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of output a role can promise (DESIGN 6). */
public enum ContractKind {
    TEXT, EMAIL, FILL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContractKind> fromWireName(String name) {
        for (ContractKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
