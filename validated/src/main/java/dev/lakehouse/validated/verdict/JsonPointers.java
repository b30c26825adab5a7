package dev.lakehouse.validated.verdict;

/** RFC 6901 JSON Pointers into a validated payload. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** The pointer to member {@code name} of the object at {@code parent} (RFC 6901 3: '~' is "~0", '/' is "~1"). */
    public static String child(String parent, String name) {
        return parent + "/" + escape(name);
    }

    public static String index(String parent, int index) {
        return parent + "/" + index;
    }

    public static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** Whether {@code text} is a syntactically valid RFC 6901 pointer ("" or "/..." with only ~0 and ~1 escapes). */
    public static boolean isValid(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (text.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '~' && (i + 1 >= text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1'))) {
                return false;
            }
        }
        return true;
    }
}
