package dev.lakehouse.replayd.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Strict reading of JSON members, each failure a 400 naming the member by JSON Pointer (RFC 6901). */
final class Members {

    private Members() {
    }

    static void object(JsonNode node, String at, Set<String> members, String shape) {
        if (!node.isObject()) {
            throw ReplaydException.invalid(at, "must be an object: " + shape);
        }
        for (String name : node.propertyNames()) {
            if (!members.contains(name)) {
                throw ReplaydException.invalid(at + "/" + name, "unknown member; " + shape);
            }
        }
    }

    static JsonNode required(JsonNode node, String name, String at) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            throw ReplaydException.invalid(at + "/" + name, "is required");
        }
        return member;
    }

    static @Nullable String string(JsonNode node, String name, String at) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            return null;
        }
        if (!member.isString() || member.asString().isBlank()) {
            throw ReplaydException.invalid(at + "/" + name, "must be a non-empty string");
        }
        return member.asString();
    }

    static long integer(JsonNode node, String name, String at, long fallback, long min, long max) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            return fallback;
        }
        if (!member.isIntegralNumber() || !member.canConvertToLong() || member.asLong() < min || member.asLong() > max) {
            throw ReplaydException.invalid(at + "/" + name, "must be a whole number from " + min + " to " + max);
        }
        return member.asLong();
    }

    static boolean bool(JsonNode node, String name, String at) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            return false;
        }
        if (!member.isBoolean()) {
            throw ReplaydException.invalid(at + "/" + name, "must be true or false");
        }
        return member.asBoolean();
    }

    /** A list of non-empty strings, at most {@code max}, duplicates dropped, sorted so equal filters look equal. */
    static List<String> strings(JsonNode node, String name, String at, int max) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            return List.of();
        }
        String pointer = at + "/" + name;
        if (!member.isArray()) {
            throw ReplaydException.invalid(pointer, "must be an array of strings");
        }
        if (member.size() > max) {
            throw ReplaydException.invalid(pointer, "has " + member.size() + " values; at most " + max);
        }
        List<String> values = new ArrayList<>(member.size());
        for (int i = 0; i < member.size(); i++) {
            JsonNode item = member.get(i);
            if (!item.isString() || item.asString().isBlank()) {
                throw ReplaydException.invalid(pointer + "/" + i, "must be a non-empty string");
            }
            values.add(item.asString());
        }
        return values.stream().distinct().sorted().toList();
    }
}
