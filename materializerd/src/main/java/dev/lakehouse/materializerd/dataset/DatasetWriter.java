package dev.lakehouse.materializerd.dataset;

import dev.lakehouse.chassis.lake.Durability;
import dev.lakehouse.materializerd.option.Split;
import dev.lakehouse.schemas.dataset.DatasetManifest.DatasetFile;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes the data files of one dataset version into its staging directory: one series of
 * parts per split ({@code part-00000.jsonl}, or {@code part-train-00000.jsonl} and
 * {@code part-eval-00000.jsonl}), each rolled after {@code partLines} lines, hashed and counted
 * as written, and forced to disk when closed. Not thread-safe.
 */
public final class DatasetWriter {

    private final Path dir;
    private final String format;
    private final int partLines;
    private final Map<Split, Part> open = new EnumMap<>(Split.class);
    private final Map<Split, Integer> nextIndex = new EnumMap<>(Split.class);
    private final List<DatasetFile> finished = new ArrayList<>();

    public DatasetWriter(Path dir, String format, int partLines) {
        this.dir = dir;
        this.format = format;
        this.partLines = partLines;
    }

    /** Appends one line (without its '\n'). */
    public void write(Split split, byte[] line) {
        Part part = open.get(split);
        if (part == null) {
            int index = nextIndex.merge(split, 1, Integer::sum) - 1;
            part = new Part(dir.resolve(fileName(split, index)), split);
            open.put(split, part);
        }
        part.write(line);
        if (part.lines >= partLines) {
            finished.add(part.close(format));
            open.remove(split);
        }
    }

    /** Closes every part and returns all files, in name order. */
    public List<DatasetFile> finish() {
        open.values().forEach(part -> finished.add(part.close(format)));
        open.clear();
        Durability.syncDirectory(dir);
        return finished.stream().sorted(Comparator.comparing(DatasetFile::name)).toList();
    }

    static String fileName(Split split, int index) {
        String prefix = split == Split.ALL ? "part-" : "part-" + split.id() + "-";
        return prefix + "%05d".formatted(index) + ".jsonl";
    }

    private static final class Part {

        private final Path path;
        private final Split split;
        private final FileOutputStream file;
        private final OutputStream out;
        private final MessageDigest digest = sha256();
        private long lines;
        private long bytes;

        Part(Path path, Split split) {
            this.path = path;
            this.split = split;
            try {
                this.file = new FileOutputStream(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + path, e);
            }
            this.out = new BufferedOutputStream(file, 1 << 16);
        }

        void write(byte[] line) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
            digest.update(line);
            digest.update((byte) '\n');
            lines++;
            bytes += line.length + 1;
        }

        DatasetFile close(String format) {
            try (out) {
                out.flush();
                file.getChannel().force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + path, e);
            }
            return new DatasetFile(path.getFileName().toString(), split.id(), format, lines, bytes,
                    HexFormat.of().formatHex(digest.digest()));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Closes open files without finishing them (the staging directory is about to be removed). */
    public void abandon() {
        for (Part part : open.values()) {
            try {
                part.out.close();
            } catch (IOException e) {
                // the staging directory is deleted next
            }
        }
        open.clear();
    }
}
