package dev.lakehouse.validated.contract;

import tools.jackson.databind.JsonNode;

/** Turns one contract file into a contract; one implementation per kind that has files. */
public interface ContractReader {

    /** Whether {@code file} is a contract of this reader's kind. */
    boolean reads(JsonNode file);

    /**
     * @param origin where the file is, for messages and {@link Contract#origin()}
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    Contract read(JsonNode file, String origin);
}
