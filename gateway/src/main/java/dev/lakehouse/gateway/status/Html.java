package dev.lakehouse.gateway.status;

import java.util.Locale;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** Escaping and number formats for the status page. */
final class Html {

    static final String NA = "n/a";

    private Html() {
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return NA;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String rate(OptionalDouble perSecond) {
        return perSecond.isPresent() ? String.format(Locale.ROOT, "%.2f/s", perSecond.getAsDouble()) : NA;
    }

    static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f%%", ratio.getAsDouble() * 100) : NA;
    }

    static String millis(OptionalDouble seconds) {
        if (seconds.isEmpty()) {
            return NA;
        }
        double ms = seconds.getAsDouble() * 1000;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String count(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%,.0f", value.getAsDouble()) : NA;
    }

    static String bytes(OptionalDouble bytes) {
        if (bytes.isEmpty()) {
            return NA;
        }
        double value = bytes.getAsDouble();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value) : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String duration(OptionalDouble seconds) {
        if (seconds.isEmpty()) {
            return NA;
        }
        long total = (long) seconds.getAsDouble();
        long days = total / 86_400;
        long hours = total % 86_400 / 3600;
        long minutes = total % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + total % 60 + "s" : total + "s";
    }
}
