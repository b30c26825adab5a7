package dev.lakehouse.replayd.source;

import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of a dataset version as replay cases, file by file in manifest order. Pinning
 * checks every file against the digest its manifest gives, so a run never replays a dataset
 * that is not the one materializerd wrote.
 */
public final class DatasetCases {

    private final DatasetCatalog catalog;
    private final JsonMapper json;
    private final DatasetLines lines;

    public DatasetCases(DatasetCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
        this.lines = new DatasetLines();
    }

    public Pin pin(DatasetSpec spec, long maxRecords) {
        StoredDataset dataset = catalog.find(spec.name(), spec.version())
                .orElseThrow(() -> new SourceException("dataset " + spec.ref() + " is gone"));
        Path lakeDir = catalog.datasetsDir().getParent();
        List<PinnedFile> files = new ArrayList<>();
        long lineCount = 0;
        for (DatasetManifest.DatasetFile file : dataset.manifest().files()) {
            if (spec.split() != null && !spec.split().equals(file.split())) {
                continue;
            }
            Path path = dataset.dir().resolve(file.name());
            String digest = sha256(path);
            if (!digest.equals(file.sha256())) {
                throw new SourceException("dataset file " + lakeDir.relativize(path) + " does not match its manifest"
                        + " (sha256 " + digest + ", manifest says " + file.sha256() + ")");
            }
            files.add(new PinnedFile(lakeDir.relativize(path).toString().replace('\\', '/'), file.bytes(), file.sha256(),
                    file.format()));
            lineCount += file.lines();
        }
        return new Pin(files, Math.min(lineCount, maxRecords));
    }

    /** Hands the lines with {@code fromSeq <= seq < limit} to {@code sink}, in order. */
    public void stream(DatasetSpec spec, Pin pin, long fromSeq, long limit, Consumer<ReplayCase> sink) {
        Path lakeDir = catalog.datasetsDir().getParent();
        long seq = 0;
        for (PinnedFile file : pin.files()) {
            String fileName = Path.of(file.path()).getFileName().toString();
            try (BufferedReader in = Files.newBufferedReader(lakeDir.resolve(file.path()), StandardCharsets.UTF_8)) {
                long lineNumber = 0;
                for (String text = in.readLine(); text != null && seq < limit; text = in.readLine()) {
                    lineNumber++;
                    if (text.isBlank()) {
                        continue;
                    }
                    if (seq >= fromSeq) {
                        String recordId = spec.ref() + "/" + fileName + "#" + lineNumber;
                        sink.accept(lines.toCase(seq, recordId, file.path() + "#" + lineNumber, spec, parse(text, recordId)));
                    }
                    seq++;
                }
            } catch (IOException e) {
                throw new SourceException("dataset file " + file.path() + " cannot be read: " + e.getMessage(), e);
            }
            if (seq >= limit) {
                return;
            }
        }
    }

    private JsonNode parse(String text, String recordId) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new SourceException("dataset line " + recordId + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new SourceException("dataset file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
