package dev.lakehouse.vectord.collection;

import dev.lakehouse.vectord.VectordException;
import java.util.regex.Pattern;

/**
 * Collection names are directory names, so they are restricted to what every file system
 * takes and nothing that could escape the data directory ({@code ..}, {@code /}).
 */
public final class CollectionNames {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private CollectionNames() {
    }

    public static String requireValid(String name) {
        if (!VALID.matcher(name).matches()) {
            throw VectordException.invalid("invalid_collection_name", "collection name must match " + PATTERN
                    + " (1-64 characters: letters, digits, '_' and '-', starting with a letter or digit)");
        }
        return name;
    }
}
