package dev.lakehouse.deploy.dashboards;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (what must exist in a daemon's exposition). */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Numbers and durations ({@code 0.99}, {@code 1000}, {@code 5m}, {@code 1h30m}). */
    private static final Pattern NUMBERS = Pattern.compile("(?<![A-Za-z0-9_:])\\d[0-9.]*(?:[eE][+-]?\\d+)?[a-z0-9]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = NUMBERS.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean isFunction = bare.substring(identifier.end()).stripLeading().startsWith("(");
            boolean isVariable = identifier.start() > 0 && bare.charAt(identifier.start() - 1) == '$';
            if (!isFunction && !isVariable && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every label matcher block ({@code {...}}) of the expression, for selector checks. */
    static Set<String> selectors(String expression) {
        Set<String> selectors = new TreeSet<>();
        Matcher matcher = MATCHERS.matcher(expression);
        while (matcher.find()) {
            selectors.add(matcher.group());
        }
        return selectors;
    }
}
