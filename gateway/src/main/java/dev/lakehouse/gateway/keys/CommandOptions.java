package dev.lakehouse.gateway.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The arguments of the {@code keys} command: words, and {@code --name value} or {@code --name=value} options. */
final class CommandOptions {

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private CommandOptions() {
    }

    static CommandOptions parse(List<String> args) {
        CommandOptions parsed = new CommandOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                parsed.options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                parsed.options.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return parsed;
    }

    List<String> words() {
        return words;
    }

    /** The option's value, removed so that {@link #requireAllUsed} can find unknown ones. */
    @Nullable String take(String name) {
        return options.remove(name);
    }

    double number(String name, double fallback) {
        String value = take(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'");
        }
    }

    /** A comma-separated list; null for "*" or when absent (all). */
    @Nullable Set<String> namesOrAll(String name) {
        String value = take(name);
        return value == null || value.equals("*") ? null : new LinkedHashSet<>(split(value));
    }

    void requireAllUsed(String command) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for " + command + ": --" + String.join(", --", options.keySet()));
        }
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
