package dev.lakehouse.validated.api;

import dev.lakehouse.validated.email.DomainList;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the {@code context} member of a request (see {@link ValidationContext} for each member). */
final class ValidationContextReader {

    private static final Set<String> MEMBERS = Set.of("source", "systemPrompt", "roleMarkers", "allowedPlaceholders",
            "allowedDomains", "deniedDomains", "signature", "minChars", "maxChars", "forbiddenPhrases");

    private final int maxSourceChars;

    ValidationContextReader(int maxSourceChars) {
        this.maxSourceChars = maxSourceChars;
    }

    ValidationContext read(@Nullable JsonNode context, String at) {
        if (context == null || context.isNull()) {
            return ValidationContext.EMPTY;
        }
        if (!context.isObject()) {
            throw InvalidRequestException.at(at, "must be an object");
        }
        for (String name : context.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw InvalidRequestException.at(at + "/" + name, "unknown context member; known: " + MEMBERS.stream().sorted().toList());
            }
        }
        String source = source(context.get("source"), at + "/source");
        if (source != null && source.length() > maxSourceChars) {
            throw LimitExceededException.textTooLong(at + "/source", source.length(), maxSourceChars);
        }
        return new ValidationContext(source, string(context, "systemPrompt", at), strings(context, "roleMarkers", at),
                strings(context, "allowedPlaceholders", at), domains(context, "allowedDomains", at),
                domains(context, "deniedDomains", at), string(context, "signature", at), count(context, "minChars", at),
                count(context, "maxChars", at), strings(context, "forbiddenPhrases", at));
    }

    /** A string, or an array of strings joined by blank lines (several source documents). */
    private static @Nullable String source(@Nullable JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray() && node.valueStream().allMatch(JsonNode::isString)) {
            return String.join("\n\n", node.valueStream().map(JsonNode::asString).toList());
        }
        throw InvalidRequestException.at(pointer, "must be a string or an array of strings");
    }

    private static @Nullable String string(JsonNode context, String name, String at) {
        JsonNode node = context.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw InvalidRequestException.at(at + "/" + name, "must be a string");
        }
        return node.asString();
    }

    private static List<String> strings(JsonNode context, String name, String at) {
        JsonNode node = context.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || !node.valueStream().allMatch(JsonNode::isString)) {
            throw InvalidRequestException.at(at + "/" + name, "must be an array of strings");
        }
        return node.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> domains(JsonNode context, String name, String at) {
        List<String> domains = new ArrayList<>();
        List<String> written = strings(context, name, at);
        for (int i = 0; i < written.size(); i++) {
            try {
                domains.add(DomainList.normalise(written.get(i)));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.at(at + "/" + name + "/" + i, e.getMessage());
            }
        }
        return domains;
    }

    private static @Nullable Integer count(JsonNode context, String name, String at) {
        JsonNode node = context.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            throw InvalidRequestException.at(at + "/" + name, "must be a whole number >= 0");
        }
        return node.asInt();
    }
}
