package dev.lakehouse.validated.fill;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.email.AddressCheck;
import dev.lakehouse.validated.email.EmailAddressParser;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.JsonPointers;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON Schema errors into violations with stable codes: a missing slot is
 * {@code fill.slot.missing}, an undeclared one {@code fill.slot.unknown}, and every other
 * keyword {@code fill.schema.<keyword in snake case>} ({@code fill.schema.type},
 * {@code fill.schema.enum}, {@code fill.schema.format}, {@code fill.schema.min_length} ...).
 * Sorted by path, code and message, so the order never depends on the schema library.
 */
final class SchemaFindings {

    private static final Map<String, String> CODES = Map.of(
            "required", "fill.slot.missing",
            "additionalProperties", "fill.slot.unknown",
            "unevaluatedProperties", "fill.slot.unknown");

    private static final EmailAddressParser ADDRESSES = new EmailAddressParser();

    private SchemaFindings() {
    }

    static void check(Schema schema, @Nullable ExtraSlots extraSlots, JsonNode fill, Findings findings) {
        Stream<Violation> extra = extraSlots == null ? Stream.empty() : extraSlots.find(fill).stream();
        List<Violation> violations = Stream.concat(schema.validate(fill).stream().map(SchemaFindings::violation), extra)
                .distinct()
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::code).thenComparing(Violation::message))
                .toList();
        violations.forEach(findings::add);
    }

    private static Violation violation(Error error) {
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String code = CODES.getOrDefault(keyword, "fill.schema." + snake(keyword));
        String path = error.getInstanceLocation().toString();
        if (error.getProperty() != null && CODES.containsKey(keyword)) {
            path = JsonPointers.child(path, error.getProperty());
        }
        String message = switch (code) {
            case "fill.slot.missing" -> "required slot " + error.getProperty() + " is missing";
            case "fill.slot.unknown" -> "slot " + error.getProperty() + " is not declared by the contract";
            default -> addressReason(error).orElseGet(() -> stripLocation(error.getMessage(), error.getInstanceLocation().toString()));
        };
        return Violation.error(code, path, message);
    }

    /** For the email formats, the parser's reason ("has no dot ...") is more useful than "does not match". */
    private static Optional<String> addressReason(Error error) {
        JsonNode value = error.getInstanceNode();
        if (!"format".equals(error.getKeyword()) || value == null || !value.isString() || !error.getMessage().contains("email")) {
            return Optional.empty();
        }
        return ADDRESSES.parse(value.asString()) instanceof AddressCheck.Invalid(String reason)
                ? Optional.of("not a valid email address: '" + value.asString() + "' " + reason) : Optional.empty();
    }

    static String snake(String keyword) {
        StringBuilder snake = new StringBuilder(keyword.length() + 4);
        for (char c : keyword.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else if (Character.isLetterOrDigit(c)) {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private static String stripLocation(String message, String location) {
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
