package dev.lakehouse.chassis.lake;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <daemon>-<instance>-<seq>.jsonl}, with {@code .open} appended while it is written.
 * Sealing is the rename that drops {@code .open}; a sealed segment never changes again.
 */
public record SegmentName(String daemon, String instance, long sequence, boolean open) {

    static final String SEALED_SUFFIX = ".jsonl";
    static final String OPEN_SUFFIX = ".jsonl.open";
    private static final Pattern FORMAT =
            Pattern.compile("([a-z][a-z0-9]*)-([A-Za-z0-9_.]+)-(\\d{6,})\\.jsonl(\\.open)?");

    public static Optional<SegmentName> parse(Path file) {
        Matcher m = FORMAT.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SegmentName(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4) != null));
    }

    public String fileName() {
        return "%s-%s-%06d%s".formatted(daemon, instance, sequence, open ? OPEN_SUFFIX : SEALED_SUFFIX);
    }

    public SegmentName sealed() {
        return new SegmentName(daemon, instance, sequence, false);
    }
}
