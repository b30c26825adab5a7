package dev.lakehouse.validated.placeholder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds placeholders and filler values in a text, in order of appearance.
 *
 * <p>The detector is a single pass over the text that only starts a (small, anchored) regular
 * expression where an opening bracket or the first letter of a filler word is found, so a
 * typical email body costs a few microseconds. It is stateless and thread-safe.
 */
public final class PlaceholderDetector {

    // {{ name }}, {name}, ${name}: identifiers only, so JSON and code in a body are not taken for templates.
    private static final Pattern DOUBLE_BRACES = Pattern.compile("\\{\\{\\s*[^{}\\n]{1,64}?\\s*}}");
    private static final Pattern SINGLE_BRACES = Pattern.compile("\\$?\\{\\s*[A-Za-z_][A-Za-z0-9_.\\- ]{0,48}}");
    // [Name], [insert date]: at least two characters, starting with a letter; not a markdown link "[x](url)"
    // and not a double-bracketed marker "[[FORM]]" (role markers are checked as such).
    private static final Pattern SQUARE = Pattern.compile("\\[[A-Za-z][A-Za-z0-9 _.'/&-]{1,48}](?![(\\]])");
    private static final Pattern ANGLE = Pattern.compile("<([A-Za-z][A-Za-z0-9 _.'/&-]{1,48})>");
    private static final Pattern DOUBLE_PARENS = Pattern.compile("\\(\\([^()\\n]{1,64}\\)\\)");
    private static final Pattern CROSSES = Pattern.compile("[Xx]{3,}");
    private static final Pattern LOREM = Pattern.compile("(?i)lorem\\s+ipsum");

    private static final List<String> TO_BE_DECIDED = List.of("tbd", "tba", "tbc", "todo", "fixme");
    // Names of HTML elements: "<br>" or "<p>" in a body is markup, not an unfilled slot.
    private static final Set<String> HTML_TAGS = Set.of("a", "b", "i", "u", "p", "s", "q", "br", "hr", "em", "li", "ol",
            "ul", "dl", "dt", "dd", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "img", "pre", "sub", "sup",
            "del", "ins", "nav", "span", "code", "body", "head", "html", "meta", "link", "small", "table", "tbody", "thead",
            "tfoot", "style", "title", "strong", "center", "font", "blockquote", "section", "article", "header", "footer",
            "main", "label", "button", "form", "input", "caption", "figure", "wbr");

    /** Every placeholder in {@code text}, ordered by offset; overlapping matches are reported once. */
    public List<Placeholder> find(String text) {
        List<Placeholder> found = new ArrayList<>(0);
        scanBrackets(text, found);
        scanWords(text, found);
        if (found.size() > 1) {
            found.sort(Comparator.comparingInt(Placeholder::offset));
            removeOverlaps(found);
        }
        return found;
    }

    private static void scanBrackets(String text, List<Placeholder> found) {
        @Nullable Matcher matcher = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '{' && c != '$' && c != '[' && c != '<' && c != '(') {
                continue;
            }
            if (matcher == null) {
                matcher = DOUBLE_BRACES.matcher(text);
            }
            Placeholder placeholder = bracketAt(text, i, c, matcher);
            if (placeholder != null) {
                found.add(placeholder);
                i = placeholder.offset() + placeholder.text().length() - 1;
            }
        }
    }

    private static @Nullable Placeholder bracketAt(String text, int at, char c, Matcher matcher) {
        return switch (c) {
            case '{' -> firstMatch(text, at, matcher, PlaceholderStyle.BRACES, DOUBLE_BRACES, SINGLE_BRACES);
            case '$' -> firstMatch(text, at, matcher, PlaceholderStyle.BRACES, SINGLE_BRACES);
            case '[' -> at > 0 && text.charAt(at - 1) == '[' ? null
                    : firstMatch(text, at, matcher, PlaceholderStyle.SQUARE_BRACKETS, SQUARE);
            case '(' -> firstMatch(text, at, matcher, PlaceholderStyle.DOUBLE_PARENTHESES, DOUBLE_PARENS);
            default -> angleAt(text, at, matcher);
        };
    }

    private static @Nullable Placeholder angleAt(String text, int at, Matcher matcher) {
        matcher.usePattern(ANGLE).region(at, text.length());
        if (!matcher.lookingAt()) {
            return null;
        }
        String inner = matcher.group(1);
        if (HTML_TAGS.contains(inner.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new Placeholder(PlaceholderStyle.ANGLE_BRACKETS, matcher.group(), at);
    }

    private static @Nullable Placeholder firstMatch(String text, int at, Matcher matcher, PlaceholderStyle style, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            matcher.usePattern(pattern).region(at, text.length());
            if (matcher.lookingAt()) {
                return new Placeholder(style, matcher.group(), at);
            }
        }
        return null;
    }

    private static void scanWords(String text, List<Placeholder> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : TO_BE_DECIDED) {
            addWholeWords(text, lower, word, PlaceholderStyle.TO_BE_DECIDED, found);
        }
        addWholeWords(text, lower, "n/a", PlaceholderStyle.NOT_APPLICABLE, found);
        if (lower.indexOf("xxx") >= 0) {
            addPattern(text, CROSSES, PlaceholderStyle.CROSSES, found);
        }
        if (lower.indexOf("lorem") >= 0) {
            addPattern(text, LOREM, PlaceholderStyle.LOREM_IPSUM, found);
        }
    }

    private static void addWholeWords(String text, String lower, String word, PlaceholderStyle style, List<Placeholder> found) {
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length())) {
            if (isBoundary(lower, at - 1) && isBoundary(lower, at + word.length())) {
                found.add(new Placeholder(style, text.substring(at, at + word.length()), at));
            }
        }
    }

    private static void addPattern(String text, Pattern pattern, PlaceholderStyle style, List<Placeholder> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (isBoundary(text, matcher.start() - 1) && isBoundary(text, matcher.end())) {
                found.add(new Placeholder(style, matcher.group(), matcher.start()));
            }
        }
    }

    private static boolean isBoundary(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return !Character.isLetterOrDigit(c) && c != '_';
    }

    private static void removeOverlaps(List<Placeholder> sorted) {
        int end = -1;
        for (var iterator = sorted.iterator(); iterator.hasNext(); ) {
            Placeholder next = iterator.next();
            if (next.offset() < end) {
                iterator.remove();
            } else {
                end = next.offset() + next.text().length();
            }
        }
    }
}
