package dev.lakehouse.chassis.lake;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The plainest RFC 3339 date-times only ({@code YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)}, a real
 * calendar date from 1900, no leap second): what chatd writes. Anything else is left to the
 * full JSON Schema format check, which decides.
 */
final class PlainDateTime {

    private PlainDateTime() {
    }

    /** RFC 3339 date-time in its plainest form only: YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm), a real date. */
    static boolean valid(@Nullable JsonNode node) {
        String s = node != null && node.isString() ? node.stringValue() : null;
        if (s == null || s.length() < 20 || s.length() > 35) {
            return false;
        }
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-' || !digits(s, 8, 2)
                || s.charAt(10) != 'T' || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)
                || s.charAt(16) != ':' || !digits(s, 17, 2)) {
            return false;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || number(s, 11, 2) > 23 || number(s, 14, 2) > 59 || number(s, 17, 2) > 59) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 9) {
                return false;
            }
        }
        if (i == s.length() - 1) {
            return s.charAt(i) == 'Z';
        }
        return i == s.length() - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, 2)
                && s.charAt(i + 3) == ':' && digits(s, i + 4, 2) && number(s, i + 1, 2) <= 23 && number(s, i + 4, 2) <= 59;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int count) {
        return Integer.parseInt(s, from, from + count, 10);
    }

}
