package dev.lakehouse.replayd.source;

import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.nio.file.Path;

/** A complete dataset version on disk: its directory and its manifest. */
public record StoredDataset(Path dir, DatasetManifest manifest) {
}
