package dev.lakehouse.validated.fill.grounding;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as people write them, read from lower-case text: "2026-03-03", "03/03/2026"
 * (day-month and month-day both), "3.3.2026", "3 March 2026", "March 3rd, 2026", "Tue 3 Mar"
 * (no year: any year matches), "7am", "7:30 pm", "19:00", "19h30", "noon", "midnight".
 */
final class Dates {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
            + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern CLOCK = Pattern.compile("(?<!\\d)(\\d{1,2})[:.h](\\d{2})(?!\\d)\\s*(a\\.?m\\.?|p\\.?m\\.?)?");
    private static final Pattern HOUR = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*(a\\.?m\\.?|p\\.?m\\.?)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private Dates() {
    }

    static void collect(String lower, Set<LocalDate> dates, Set<MonthDay> monthDays, Set<LocalTime> times) {
        Matcher m = ISO.matcher(lower);
        while (m.find()) {
            addDate(dates, monthDays, m.group(1), m.group(2), m.group(3));
        }
        m = NUMERIC.matcher(lower);
        while (m.find()) {
            String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            addDate(dates, monthDays, year, m.group(2), m.group(1));
            addDate(dates, monthDays, year, m.group(1), m.group(2));
        }
        m = DAY_MONTH.matcher(lower);
        while (m.find()) {
            addDate(dates, monthDays, m.group(3), month(m.group(2)), m.group(1));
        }
        m = MONTH_DAY.matcher(lower);
        while (m.find()) {
            addDate(dates, monthDays, m.group(3), month(m.group(1)), m.group(2));
        }
        collectTimes(lower, times);
    }

    private static void collectTimes(String lower, Set<LocalTime> times) {
        Matcher m = CLOCK.matcher(lower);
        while (m.find()) {
            addTime(times, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
        m = HOUR.matcher(lower);
        while (m.find()) {
            addTime(times, Integer.parseInt(m.group(1)), 0, m.group(2));
        }
        if (lower.contains("noon") || lower.contains("midday")) {
            times.add(LocalTime.NOON);
        }
        if (lower.contains("midnight")) {
            times.add(LocalTime.MIDNIGHT);
        }
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.substring(0, 3)));
    }

    private static void addDate(Set<LocalDate> dates, Set<MonthDay> monthDays, @Nullable String year, String month, String day) {
        try {
            int m = Integer.parseInt(month);
            int d = Integer.parseInt(day);
            if (year == null) {
                monthDays.add(MonthDay.of(m, d));
            } else {
                dates.add(LocalDate.of(Integer.parseInt(year), m, d));
            }
        } catch (DateTimeException | NumberFormatException e) {
            // Not a calendar date in this reading ("13/25/2026" as month-day); the other reading may be.
        }
    }

    private static void addTime(Set<LocalTime> times, int hour, int minute, @Nullable String meridiem) {
        int h = hour;
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return;
            }
            boolean pm = meridiem.startsWith("p");
            h = hour % 12 + (pm ? 12 : 0);
        }
        if (h <= 23 && minute <= 59) {
            times.add(LocalTime.of(h, minute));
        }
    }
}
