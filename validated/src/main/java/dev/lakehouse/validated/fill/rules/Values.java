package dev.lakehouse.validated.fill.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Ordering of JSON values for comparisons: numbers numerically; strings that are RFC 3339
 * dates, times or date-times by time (a date against a date-time compares the date parts);
 * anything else is not ordered.
 */
final class Values {

    private Values() {
    }

    static boolean isAbsent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    static OptionalInt compare(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return OptionalInt.of(left.decimalValue().compareTo(right.decimalValue()));
        }
        if (left.isString() && right.isString()) {
            return compareTemporal(left.asString(), right.asString());
        }
        return OptionalInt.empty();
    }

    static boolean equal(JsonNode left, JsonNode right) {
        OptionalInt order = compare(left, right);
        return order.isPresent() ? order.getAsInt() == 0 : left.equals(right);
    }

    static @Nullable BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static OptionalInt compareTemporal(String left, String right) {
        Object a = temporal(left);
        Object b = temporal(right);
        if (a == null || b == null) {
            return OptionalInt.empty();
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return OptionalInt.of(x.toInstant().compareTo(y.toInstant()));
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return OptionalInt.of(x.compareTo(y));
        }
        if (a instanceof LocalTime x && b instanceof LocalTime y) {
            return OptionalInt.of(x.compareTo(y));
        }
        if (!(a instanceof LocalDate) && !(b instanceof LocalDate)) {
            return OptionalInt.empty();
        }
        LocalDate x = dateOf(a);
        LocalDate y = dateOf(b);
        return x == null || y == null ? OptionalInt.empty() : OptionalInt.of(x.compareTo(y));
    }

    private static @Nullable LocalDate dateOf(Object temporal) {
        return switch (temporal) {
            case LocalDate date -> date;
            case OffsetDateTime dateTime -> dateTime.toLocalDate();
            case LocalDateTime dateTime -> dateTime.toLocalDate();
            default -> null;
        };
    }

    private static @Nullable Object temporal(String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-') {
                return LocalDate.parse(text);
            }
            if (text.length() >= 5 && text.length() <= 12 && text.charAt(2) == ':') {
                return LocalTime.parse(text);
            }
            if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't' || text.charAt(10) == ' ')) {
                String iso = text.substring(0, 10) + 'T' + text.substring(11);
                return hasOffset(iso) ? OffsetDateTime.parse(iso.replace('z', 'Z')) : LocalDateTime.parse(iso);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static boolean hasOffset(String iso) {
        char last = iso.charAt(iso.length() - 1);
        return last == 'Z' || last == 'z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
    }
}
