package dev.lakehouse.chatd.role;

import java.util.List;

/** The roles file cannot be used; the message lists every problem with its place in the file. */
public class RolesFileException extends RuntimeException {

    private final String location;
    private final List<String> problems;

    public RolesFileException(String location, List<String> problems) {
        super("roles file " + location + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    public String location() {
        return location;
    }

    public List<String> problems() {
        return problems;
    }
}
